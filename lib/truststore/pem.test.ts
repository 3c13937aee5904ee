import { describe, expect, it } from "vitest";
import * as x509 from "@peculiar/x509";
import { checkTruststore, readBundle } from "./index";
import { bundle, issue } from "./test-support/fixtures";

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe("reading a bundle", () => {
  it("finds every certificate block with its line number and ignores text between blocks", async () => {
    const a = await issue({ subject: "CN=A" });
    const b = await issue({ subject: "CN=B" });
    const text = `# our truststore\n\nroot follows:\n${a.pem}\nsome comment\n${b.pem}\ntrailing words\n`;
    const read = readBundle(text);
    expect(read.findings).toEqual([]);
    expect(read.blocks.map((block) => block.line)).toEqual([
      4,
      4 + a.pem.trim().split("\n").length + 1,
    ]);
    const report = await checkTruststore(text);
    expect(report.certificates.map((c) => c.subject)).toEqual(["CN=A", "CN=B"]);
    expect(report.certificates[1]!.line).toBe(read.blocks[1]!.line);
  });

  it("accepts CRLF line endings and indented blocks", async () => {
    const a = await issue({ subject: "CN=Windows" });
    const crlf = a.pem
      .split("\n")
      .map((l) => `  ${l}`)
      .join("\r\n");
    const report = await checkTruststore(crlf);
    expect(report.verdict).toBe("ok");
    expect(report.certificates).toHaveLength(1);
  });

  it("empty: an empty file, and a file of text only", async () => {
    expect(rules((await checkTruststore("")).findings)).toEqual(["empty"]);
    expect(
      rules((await checkTruststore("just some notes\nno certificates here\n")).findings),
    ).toEqual(["empty"]);
    expect((await checkTruststore("   \n")).verdict).toBe("error");
  });

  it("empty does not fire when there is a certificate", async () => {
    const a = await issue({ subject: "CN=Present" });
    expect(rules((await checkTruststore(a.pem)).findings)).not.toContain("empty");
  });

  it("pem-syntax: binary DER, random bytes, a block without END, bad base64, a mismatched END", async () => {
    const a = await issue({ subject: "CN=Der" });
    const der = new Uint8Array(a.cert.rawData);
    const derReport = await checkTruststore(der);
    expect(rules(derReport.findings)).toEqual(["pem-syntax"]);
    expect(derReport.findings[0]!.message).toMatch(/DER/);

    const random = new Uint8Array([0, 1, 2, 3, 250, 251, 7, 8]);
    expect(rules((await checkTruststore(random)).findings)).toEqual(["pem-syntax"]);

    const truncated = a.pem.split("\n").slice(0, 5).join("\n");
    const t = await checkTruststore(truncated);
    expect(rules(t.findings)).toEqual(["pem-syntax"]);
    expect(t.findings[0]!.line).toBe(1);

    const badBase64 = a.pem.replace(/\n(.{10})/, "\n!!!!!!!!!!");
    expect(rules((await checkTruststore(badBase64)).findings)).toContain("pem-syntax");

    const mismatched = a.pem.replace("-----END CERTIFICATE-----", "-----END PUBLIC KEY-----");
    expect(rules((await checkTruststore(mismatched)).findings)).toEqual(["pem-syntax"]);

    const strayEnd = `hello\n-----END CERTIFICATE-----\n${a.pem}`;
    expect(rules((await checkTruststore(strayEnd)).findings)).toEqual(["pem-syntax"]);
  });

  it("pem-syntax does not fire on well-formed PEM", async () => {
    const a = await issue({ subject: "CN=Fine" });
    expect(rules((await checkTruststore(a.pem)).findings)).not.toContain("pem-syntax");
  });

  it("private-key: every kind of private key block is refused and never echoed", async () => {
    const a = await issue({ subject: "CN=With key" });
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", a.keys.privateKey));
    const keyBody = x509.PemConverter.encode(pkcs8.buffer, "PRIVATE KEY");
    const secret = keyBody.split("\n")[1]!;
    for (const label of [
      "PRIVATE KEY",
      "RSA PRIVATE KEY",
      "EC PRIVATE KEY",
      "ENCRYPTED PRIVATE KEY",
    ]) {
      const block = keyBody.replaceAll("PRIVATE KEY", label);
      const report = await checkTruststore(bundle(a, block));
      expect(report.verdict).toBe("error");
      const finding = report.findings.find((f) => f.rule === "private-key");
      expect(finding, label).toBeDefined();
      expect(finding!.message).toContain(label);
      expect(JSON.stringify(report)).not.toContain(secret);
      expect(JSON.stringify(report)).not.toContain(secret.slice(10, 40));
    }
  });

  it("private-key does not fire on a bundle of certificates", async () => {
    const a = await issue({ subject: "CN=No key" });
    expect(rules((await checkTruststore(a.pem)).findings)).not.toContain("private-key");
  });

  it("not-a-certificate: a CSR, a public key, a CRL", async () => {
    const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
      "sign",
      "verify",
    ]);
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({
      name: "CN=Request",
      keys,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" } as EcdsaParams,
    });
    const spki = await crypto.subtle.exportKey("spki", keys.publicKey);
    for (const [pem, what] of [
      [csr.toString("pem"), "CSR"],
      [x509.PemConverter.encode(spki, "PUBLIC KEY"), "public key"],
      [x509.PemConverter.encode(new Uint8Array([48, 0]).buffer, "X509 CRL"), "CRL"],
    ] as const) {
      const report = await checkTruststore(pem);
      expect(rules(report.findings), what).toEqual(["not-a-certificate"]);
      expect(report.findings[0]!.message).toContain(what);
    }
  });

  it("not-a-certificate does not fire on CERTIFICATE blocks", async () => {
    const a = await issue({ subject: "CN=Cert" });
    expect(rules((await checkTruststore(a.pem)).findings)).not.toContain("not-a-certificate");
  });

  it("x509-syntax: base64 that is not an X.509 certificate", async () => {
    const garbage = x509.PemConverter.encode(
      new TextEncoder().encode("definitely not DER at all").buffer,
      "CERTIFICATE",
    );
    const a = await issue({ subject: "CN=Good one" });
    const report = await checkTruststore(bundle(a, garbage));
    expect(rules(report.findings)).toEqual(["x509-syntax"]);
    expect(report.certificates).toHaveLength(1);
    expect(report.findings[0]!.line).toBeGreaterThan(1);
  });

  it("x509-syntax does not fire on a valid certificate", async () => {
    const a = await issue({ subject: "CN=Valid" });
    expect(rules((await checkTruststore(a.pem)).findings)).not.toContain("x509-syntax");
  });

  it("too-large: over 1,000,000 bytes, and over 1,000 certificates", async () => {
    const a = await issue({ subject: "CN=Big" });
    const padding = "#".repeat(1_000_001 - a.pem.length) + "\n";
    const big = await checkTruststore(a.pem + padding);
    expect(rules(big.findings)).toEqual(["too-large"]);

    const many = Array.from({ length: 1001 }, () => a.pem).join("\n");
    expect(many.length).toBeLessThan(1_000_000);
    const manyReport = await checkTruststore(many);
    expect(rules(manyReport.findings)).toEqual(["too-large"]);
    expect(manyReport.findings[0]!.message).toContain("1,001");
  });

  it("too-large does not fire at exactly 1,000 certificates", async () => {
    const a = await issue({ subject: "CN=Many" });
    const report = await checkTruststore(Array.from({ length: 1000 }, () => a.pem).join("\n"));
    expect(rules(report.findings)).not.toContain("too-large");
    expect(report.certificates).toHaveLength(1000);
    expect(report.findings.filter((f) => f.rule === "duplicate")).toHaveLength(999);
  });

  it("names an END and a BEGIN glued on one line (cat a.pem b.pem), where it is, and reads both blocks", async () => {
    const a = await issue({ subject: "CN=Glued A" });
    const b = await issue({ subject: "CN=Glued B" });
    const text = `${a.pem.trimEnd()}${b.pem}`;
    const glueLine = a.pem.trimEnd().split("\n").length;
    const read = readBundle(text);
    expect(read.blocks).toHaveLength(2);
    expect(read.blocks.map((x) => x.line)).toEqual([1, glueLine]);
    expect(read.findings).toEqual([
      expect.objectContaining({ rule: "pem-syntax", severity: "error", line: glueLine }),
    ]);
    expect(read.findings[0]!.message).toContain("glued together");
    expect(read.findings[0]!.message).not.toContain("base64");
  });
});
