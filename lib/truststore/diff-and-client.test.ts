import { beforeAll, describe, expect, it } from "vitest";
import { judgeClientCertificate, checkTruststore, diffTruststores } from "./index";
import {
  bundle,
  chain,
  issue,
  makeKeys,
  tamperSignature,
  type Issued,
} from "./test-support/fixtures";

describe("diff of two truststore versions", () => {
  let a: Issued[];
  let b: Issued[];
  beforeAll(async () => {
    a = await chain(2, { prefix: "Partner A" });
    b = await chain(2, { prefix: "Partner B" });
  });

  it("added, removed and unchanged by SHA-256 fingerprint, with what it means", async () => {
    const before = await checkTruststore(bundle(a[0]!, b[0]!));
    const newRoot = await issue({ subject: "CN=Partner C Root CA, O=Example" });
    const after = await checkTruststore(bundle(a[0]!, newRoot));
    const diff = diffTruststores(before, after);
    expect(diff.added.map((c) => c.subject)).toEqual(["CN=Partner C Root CA, O=Example"]);
    expect(diff.removed.map((c) => c.subject)).toEqual(["CN=Partner B Root CA, O=Example"]);
    expect(diff.unchanged.map((c) => c.subject)).toEqual(["CN=Partner A Root CA, O=Example"]);
    expect(diff.identical).toBe(false);
    const refused = diff.impacts.find((i) => i.kind === "refused");
    expect(refused?.message).toBe(
      'Clients whose certificates chain up to "CN=Partner B Root CA, O=Example" will be refused: "CN=Partner B Root CA, O=Example" is removed.',
    );
    expect(diff.impacts.find((i) => i.kind === "accepted")?.message).toContain(
      "CN=Partner C Root CA",
    );
  });

  it("a renewed CA (same name and key) is not reported as refusing clients", async () => {
    const keys = await makeKeys({ ec: "P-256" });
    const old = await issue({ subject: "CN=Renewed Root", keys, validDays: [-300, 5] });
    const renewed = await issue({ subject: "CN=Renewed Root", keys, validDays: [-1, 900] });
    const diff = diffTruststores(
      await checkTruststore(old.pem),
      await checkTruststore(renewed.pem),
    );
    expect(diff.impacts.map((i) => i.kind)).toEqual(["renewed"]);
  });

  it("new and resolved warnings are listed", async () => {
    const sha1 = await issue({ subject: "CN=Weak Root", hash: "SHA-1" });
    const diff = diffTruststores(
      await checkTruststore(a[0]!.pem),
      await checkTruststore(bundle(a[0]!, sha1)),
    );
    expect(diff.impacts.filter((i) => i.kind === "warning-added").map((i) => i.message)).toEqual([
      expect.stringContaining("New warning (weak-hash)"),
    ]);
    const back = diffTruststores(
      await checkTruststore(bundle(a[0]!, sha1)),
      await checkTruststore(a[0]!.pem),
    );
    expect(back.impacts.map((i) => i.kind)).toEqual(["refused", "warning-removed"]);
  });

  it("the same bundle in another order is identical", async () => {
    const diff = diffTruststores(
      await checkTruststore(bundle(a[0]!, b[0]!)),
      await checkTruststore(bundle(b[0]!, a[0]!)),
    );
    expect(diff.identical).toBe(true);
    expect(diff.impacts).toEqual([]);
  });
});

describe("client certificate check", () => {
  let pki: Issued[];
  beforeAll(async () => {
    pki = await chain(3, { prefix: "Fleet" });
  });
  const refusalCodes = (r: { refusals: { code: string }[] }) => r.refusals.map((x) => x.code);

  it("accepts a client issued under the truststore, with the path found", async () => {
    const [root, int] = pki;
    const client = await issue({ subject: "CN=device-001", issuer: int!, ca: false });
    const result = await judgeClientCertificate(bundle(root!, int!), client.pem);
    expect(refusalCodes(result)).toEqual([]);
    expect(result.accepted).toBe(true);
    expect(result.path.map((p) => [p.subject, p.source])).toEqual([
      ["CN=device-001", "client"],
      ["CN=Fleet Intermediate 1, O=Example", "truststore"],
      ["CN=Fleet Root CA, O=Example", "truststore"],
    ]);
  });

  it("issuer not found, with a hint when the client sent the missing intermediate", async () => {
    const [root, int] = pki;
    const client = await issue({ subject: "CN=device-002", issuer: int!, ca: false });
    const result = await judgeClientCertificate(root!.pem, bundle(client, int!));
    expect(result.accepted).toBe(false);
    expect(refusalCodes(result)).toEqual(["issuer-not-found"]);
    expect(result.refusals[0]!.awsLog).toBe("Could not find issuer for certificate");
    expect(result.notes[0]).toContain("CN=Fleet Intermediate 1, O=Example");
  });

  it("expired and not yet valid clients", async () => {
    const [root, int] = pki;
    const expired = await issue({
      subject: "CN=old-device",
      issuer: int!,
      ca: false,
      validDays: [-100, -0.5],
    });
    const future = await issue({
      subject: "CN=new-device",
      issuer: int!,
      ca: false,
      validDays: [5, 100],
    });
    expect(refusalCodes(await judgeClientCertificate(bundle(root!, int!), expired.pem))).toEqual([
      "expired",
    ]);
    expect(refusalCodes(await judgeClientCertificate(bundle(root!, int!), future.pem))).toEqual([
      "not-yet-valid",
    ]);
    // At a time when it was valid, the expired one is accepted.
    const then = await judgeClientCertificate(bundle(root!, int!), expired.pem, {
      at: new Date(Date.now() - 0.75 * 86_400_000),
    });
    expect(then.accepted).toBe(true);
  });

  it("an insecure signature algorithm and a key too small", async () => {
    const [root, int] = pki;
    const sha1 = await issue({ subject: "CN=sha1-device", issuer: int!, ca: false, hash: "SHA-1" });
    const small = await issue({
      subject: "CN=small-device",
      issuer: int!,
      ca: false,
      key: { rsa: 1024 },
    });
    const r1 = await judgeClientCertificate(bundle(root!, int!), sha1.pem);
    expect(refusalCodes(r1)).toEqual(["insecure-signature-algorithm"]);
    expect(r1.refusals[0]!.awsLog).toBe("Client cert using an insecure Signature Algorithm");
    expect(refusalCodes(await judgeClientCertificate(bundle(root!, int!), small.pem))).toEqual([
      "key-too-small",
    ]);
  });

  it("a chain longer than four above the client", async () => {
    const five = await chain(6, { prefix: "Deep" });
    const client = five[five.length - 1]!;
    const result = await judgeClientCertificate(bundle(...five.slice(0, -1)), client.pem);
    expect(refusalCodes(result)).toEqual(["chain-too-long"]);
    const four = await chain(5, { prefix: "Ok" });
    expect(
      (await judgeClientCertificate(bundle(...four.slice(0, -1)), four[4]!.pem)).accepted,
    ).toBe(true);
  });

  it("a self-signed client certificate: refused unless it is in the truststore", async () => {
    const self = await issue({ subject: "CN=self-signed-device", ca: false });
    const refused = await judgeClientCertificate(pki[0]!.pem, self.pem);
    expect(refusalCodes(refused)).toEqual(["self-signed"]);
    expect(refused.refusals[0]!.awsLog).toBe("self signed certificate");
    expect((await judgeClientCertificate(bundle(pki[0]!, self), self.pem)).accepted).toBe(true);
  });

  it("an expired intermediate in the truststore refuses its clients", async () => {
    const [root] = pki;
    const oldInt = await issue({
      subject: "CN=Old Intermediate",
      issuer: root!,
      ca: true,
      validDays: [-300, -2],
    });
    const client = await issue({
      subject: "CN=device-003",
      issuer: oldInt,
      ca: false,
      validDays: [-10, 100],
    });
    const result = await judgeClientCertificate(bundle(root!, oldInt), client.pem);
    expect(refusalCodes(result)).toEqual(["expired"]);
    expect(result.refusals[0]!.subject).toBe("CN=Old Intermediate");
  });

  it("a forged client certificate whose signature does not verify", async () => {
    const [root, int] = pki;
    const client = await issue({ subject: "CN=forged", issuer: int!, ca: false });
    expect(
      refusalCodes(await judgeClientCertificate(bundle(root!, int!), tamperSignature(client))),
    ).toEqual(["signature"]);
  });

  it("a client issued by a non-CA certificate", async () => {
    const [root] = pki;
    const plain = await issue({ subject: "CN=Plain", issuer: root!, ca: false });
    const client = await issue({ subject: "CN=device-004", issuer: plain, ca: false });
    expect(refusalCodes(await judgeClientCertificate(bundle(root!, plain), client.pem))).toEqual([
      "issuer-not-ca",
    ]);
  });

  it("no client certificate, and a client input with a private key", async () => {
    expect(refusalCodes(await judgeClientCertificate(pki[0]!.pem, "nothing here"))).toEqual([
      "no-client-certificate",
    ]);
    const withKey = `${pki[2]!.pem}\n-----BEGIN PRIVATE KEY-----\nMIGHAgEA\n-----END PRIVATE KEY-----\n`;
    const result = await judgeClientCertificate(bundle(pki[0]!, pki[1]!), withKey);
    expect(refusalCodes(result)).toEqual(["no-client-certificate"]);
    expect(result.clientFindings.map((f) => f.rule)).toEqual(["private-key"]);
  });
});
