import { beforeAll, describe, expect, it } from "vitest";
import { checkTruststore, type Finding, type TruststoreReport } from "./index";
import {
  bundle,
  chain,
  issue,
  makeKeys,
  tamperSignature,
  type Issued,
} from "./test-support/fixtures";
import { opensslSelfSigned } from "./test-support/openssl";

const DAY = 86_400_000;

/** The rule ids reported for the certificate whose subject starts with `cn`. */
function rulesFor(report: TruststoreReport, cn: string): string[] {
  const cert = report.certificates.find((c) => c.subject.startsWith(`CN=${cn}`));
  if (!cert)
    throw new Error(
      `no certificate ${cn} in ${report.certificates.map((c) => c.subject).join(" | ")}`,
    );
  return report.findings.filter((f) => f.certificate === cert.index).map((f) => f.rule);
}
const allRules = (report: TruststoreReport) => report.findings.map((f: Finding) => f.rule);

describe("certificate rules", () => {
  let good: Issued[];
  beforeAll(async () => {
    good = await chain(3, { prefix: "Good" });
  });

  it("a sound chain has no findings and every path ends at its root", async () => {
    const report = await checkTruststore(bundle(...good));
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe("ok");
    expect(report.certificates.map((c) => c.path)).toEqual([[0], [1, 0], [2, 1, 0]]);
    expect(report.certificates.map((c) => c.selfSigned)).toEqual([true, false, false]);
    expect(report.certificates.map((c) => c.isCA)).toEqual([true, true, false]);
  });

  it("signature: a tampered intermediate and a tampered root", async () => {
    const [root, int, leaf] = good;
    const tamperedInt = await checkTruststore(bundle(root!, tamperSignature(int!), leaf!));
    expect(rulesFor(tamperedInt, "Good Intermediate")).toEqual(["signature"]);
    expect(rulesFor(tamperedInt, "Good Client")).toEqual([]);
    const tamperedRoot = await checkTruststore(bundle(tamperSignature(root!), int!));
    expect(rulesFor(tamperedRoot, "Good Root")).toEqual(["signature"]);
    expect(tamperedRoot.certificates[0]!.selfSigned).toBe(false);
  });

  it("signature: same issuer name, different key", async () => {
    const [root, int] = good;
    const impostor = await issue({ subject: root!.subject });
    const report = await checkTruststore(bundle(impostor, int!));
    expect(rulesFor(report, "Good Intermediate")).toEqual(["signature"]);
    // With the real root back, the intermediate verifies, whatever the order.
    const fixed = await checkTruststore(bundle(impostor, int!, root!));
    expect(rulesFor(fixed, "Good Intermediate")).toEqual([]);
    expect(fixed.certificates[1]!.path).toEqual([1, 2]);
  });

  it("expired and not-yet-valid, at the evaluation time", async () => {
    const expired = await issue({ subject: "CN=Old Root", validDays: [-400, -10] });
    const future = await issue({ subject: "CN=Future Root", validDays: [10, 400] });
    const report = await checkTruststore(bundle(expired, future));
    expect(rulesFor(report, "Old Root")).toEqual(["expired"]);
    expect(rulesFor(report, "Future Root")).toEqual(["not-yet-valid"]);
    // Evaluated when both were valid: no finding.
    const then = await checkTruststore(bundle(expired), { at: new Date(Date.now() - 100 * DAY) });
    expect(allRules(then)).toEqual([]);
    const later = await checkTruststore(bundle(future), { at: new Date(Date.now() + 100 * DAY) });
    expect(allRules(later)).toEqual([]);
  });

  it("expiring-soon: inside the window (default 30 days) and not outside it", async () => {
    const soon = await issue({ subject: "CN=Soon", validDays: [-10, 20] });
    const report = await checkTruststore(soon.pem);
    expect(allRules(report)).toEqual(["expiring-soon"]);
    expect(report.findings[0]!.severity).toBe("info");
    expect(report.verdict).toBe("ok");
    expect(allRules(await checkTruststore(soon.pem, { expiringDays: 10 }))).toEqual([]);
    const later = await issue({ subject: "CN=Later", validDays: [-10, 45] });
    expect(allRules(await checkTruststore(later.pem))).toEqual([]);
    expect(allRules(await checkTruststore(later.pem, { expiringDays: 60 }))).toEqual([
      "expiring-soon",
    ]);
  });

  it("issuer-missing: an intermediate without its root, and not when the root is there", async () => {
    const [root, int, leaf] = good;
    const report = await checkTruststore(bundle(int!, leaf!));
    expect(rulesFor(report, "Good Intermediate")).toEqual(["issuer-missing"]);
    expect(rulesFor(report, "Good Client")).toEqual([]);
    expect(report.certificates[1]!.path).toEqual([1, 0]);
    expect(report.certificates[1]!.pathComplete).toBe(false);
    expect(report.findings[0]!.message).toContain("CN=Good Root CA, O=Example");
    expect(allRules(await checkTruststore(bundle(root!, int!, leaf!)))).toEqual([]);
  });

  it("issuer-not-ca: issued by a CA:FALSE certificate, or one without basicConstraints", async () => {
    const root = await issue({ subject: "CN=NotCA Root" });
    const notCa = await issue({ subject: "CN=Plain Cert", issuer: root, ca: false });
    const child = await issue({ subject: "CN=Child Of Plain", issuer: notCa, ca: false });
    const report = await checkTruststore(bundle(root, notCa, child));
    expect(rulesFor(report, "Child Of Plain")).toEqual(["issuer-not-ca"]);
    expect(rulesFor(report, "Plain Cert")).toEqual([]);

    const noBc = await issue({ subject: "CN=No BC", issuer: root, noBasicConstraints: true });
    const child2 = await issue({ subject: "CN=Child Of NoBC", issuer: noBc, ca: false });
    expect(rulesFor(await checkTruststore(bundle(root, noBc, child2)), "Child Of NoBC")).toEqual([
      "issuer-not-ca",
    ]);
  });

  it("chain-length: a chain of 5 is too long, a chain of 4 is fine", async () => {
    const four = await chain(4, { prefix: "Four" });
    expect(allRules(await checkTruststore(bundle(...four)))).toEqual([]);
    const five = await chain(5, { prefix: "Five" });
    const report = await checkTruststore(bundle(...five));
    expect(allRules(report)).toEqual(["chain-length"]);
    expect(rulesFor(report, "Five Client")).toEqual(["chain-length"]);
    expect(report.certificates[4]!.path).toEqual([4, 3, 2, 1, 0]);
  });

  it("weak-hash: SHA-1 signatures warn; SHA-256, SHA-384 and SHA-512 do not", async () => {
    for (const hash of ["SHA-256", "SHA-384", "SHA-512"] as const) {
      const rsa = await issue({ subject: `CN=RSA ${hash}`, key: { rsa: 2048 }, hash });
      const ec = await issue({ subject: `CN=EC ${hash}`, key: { ec: "P-384" }, hash });
      expect(allRules(await checkTruststore(bundle(rsa, ec))), hash).toEqual([]);
    }
    const sha1Rsa = await issue({ subject: "CN=SHA1 RSA", key: { rsa: 2048 }, hash: "SHA-1" });
    const sha1Ec = await issue({ subject: "CN=SHA1 EC", key: { ec: "P-256" }, hash: "SHA-1" });
    const report = await checkTruststore(bundle(sha1Rsa, sha1Ec));
    expect(rulesFor(report, "SHA1 RSA")).toEqual(["weak-hash"]);
    expect(rulesFor(report, "SHA1 EC")).toEqual(["weak-hash"]);
    // The signatures themselves verify: only the hash is weak.
    expect(report.certificates.every((c) => c.selfSigned)).toBe(true);
  });

  it("weak-hash: an MD5 signature made by openssl", () => {
    const md5 = opensslSelfSigned({
      newkey: ["-newkey", "rsa:2048"],
      subject: "/CN=MD5 Root",
      digest: "md5",
    });
    return checkTruststore(md5.pem).then((report) => {
      expect(allRules(report)).toEqual(["weak-hash"]);
      expect(report.certificates[0]!.signatureAlgorithm.name).toBe("md5WithRSAEncryption");
    });
  });

  it("weak-key: RSA 1024 and EC P-192 warn; RSA 2048/4096 and P-256/384/521 do not", async () => {
    const rsa1024 = await issue({ subject: "CN=RSA1024", key: { rsa: 1024 } });
    expect(allRules(await checkTruststore(rsa1024.pem))).toEqual(["weak-key"]);
    const p192 = opensslSelfSigned({
      newkey: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime192v1"],
      subject: "/CN=P192 Root",
    });
    const p192Report = await checkTruststore(p192.pem);
    expect(allRules(p192Report)).toEqual(["weak-key"]);
    expect(p192Report.certificates[0]!.publicKey).toMatchObject({
      algorithm: "EC",
      curve: "P-192",
      bits: 192,
    });
    for (const key of [
      { rsa: 2048 },
      { rsa: 4096 },
      { ec: "P-256" },
      { ec: "P-384" },
      { ec: "P-521" },
    ] as const) {
      const ok = await issue({ subject: `CN=${JSON.stringify(key)}`, key });
      expect(allRules(await checkTruststore(ok.pem)), JSON.stringify(key)).toEqual([]);
    }
  });

  it("unsupported-algorithm: DSA and Ed25519 keys; not RSA or ECDSA", async () => {
    const dsa = opensslSelfSigned({ newkey: ["-newkey", "dsa:{params}"], subject: "/CN=DSA Root" });
    const ed = opensslSelfSigned({ newkey: ["-newkey", "ed25519"], subject: "/CN=Ed Root" });
    for (const [pem, name] of [
      [dsa.pem, "DSA"],
      [ed.pem, "Ed25519"],
    ] as const) {
      const report = await checkTruststore(pem);
      expect(new Set(allRules(report)), name).toEqual(new Set(["unsupported-algorithm"]));
      expect(report.findings.some((f) => f.message.includes(name))).toBe(true);
    }
    const rsa = await issue({ subject: "CN=Plain RSA", key: { rsa: 2048 } });
    expect(allRules(await checkTruststore(rsa.pem))).not.toContain("unsupported-algorithm");
  });

  it("duplicate: reported once, on the later copy", async () => {
    const [root, int] = good;
    const report = await checkTruststore(bundle(root!, int!, root!));
    expect(allRules(report)).toEqual(["duplicate"]);
    expect(report.findings[0]!.certificate).toBe(2);
    expect(report.certificates[2]!.duplicateOf).toBe(0);
    expect(report.certificates[1]!.path).toEqual([1, 0]);
    expect(allRules(await checkTruststore(bundle(root!, int!)))).not.toContain("duplicate");
  });
});

describe("chain building", () => {
  it("a cross-signed intermediate: both issuers are found, the shortest path wins", async () => {
    const oldRoot = await issue({ subject: "CN=Old Root, O=Example" });
    const newRoot = await issue({ subject: "CN=New Root, O=Example" });
    const intKeys = await makeKeys({ ec: "P-256" });
    const intByNew = await issue({
      subject: "CN=Shared Intermediate, O=Example",
      issuer: newRoot,
      keys: intKeys,
      ca: true,
    });
    const intByOld = await issue({
      subject: "CN=Shared Intermediate, O=Example",
      issuer: oldRoot,
      keys: intKeys,
      ca: true,
    });
    const leaf = await issue({ subject: "CN=Cross Client", issuer: intByNew, ca: false });
    // The leaf's issuer name matches both intermediates and both keys verify it.
    const report = await checkTruststore(bundle(oldRoot, intByOld, leaf, newRoot, intByNew));
    expect(report.findings).toEqual([]);
    expect(report.certificates[2]!.path).toHaveLength(3);
    expect(report.certificates[1]!.path).toEqual([1, 0]);
    expect(report.certificates[4]!.path).toEqual([4, 3]);
    // Without the new root, the chain still completes through the old one.
    const oldOnly = await checkTruststore(bundle(oldRoot, intByOld, leaf));
    expect(oldOnly.certificates[2]!.path).toEqual([2, 1, 0]);
  });

  it("a loop of two CAs that issued each other ends, with incomplete paths", async () => {
    const aKeys = await makeKeys({ ec: "P-256" });
    const bKeys = await makeKeys({ ec: "P-256" });
    const aSelf: Issued = { ...(await issue({ subject: "CN=Loop A", keys: aKeys })) };
    const bByA = await issue({ subject: "CN=Loop B", issuer: aSelf, keys: bKeys, ca: true });
    const aByB = await issue({
      subject: "CN=Loop A",
      issuer: bByA,
      issuerName: "CN=Loop B",
      keys: aKeys,
      ca: true,
    });
    const report = await checkTruststore(bundle(bByA, aByB));
    expect(report.certificates[0]!.path).toEqual([0, 1]);
    expect(report.certificates[0]!.pathComplete).toBe(false);
    expect(report.certificates[1]!.path).toEqual([1, 0]);
    expect(new Set(allRules(report))).toEqual(new Set());
  });

  it("the authority key id is only a hint: a wrong hint still finds the issuer by key", async () => {
    const root = await issue({ subject: "CN=Hint Root" });
    const sameName = await issue({ subject: "CN=Hint Root" });
    const leaf = await issue({ subject: "CN=Hint Leaf", issuer: root, ca: false });
    const report = await checkTruststore(bundle(sameName, root, leaf));
    expect(report.certificates[2]!.path).toEqual([2, 1]);
    expect(report.findings).toEqual([]);
  });
});
