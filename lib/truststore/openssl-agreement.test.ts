/**
 * Our decoding and signature verdicts against openssl's on the same bytes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as x509 from "@peculiar/x509";
import { AsnConvert } from "@peculiar/asn1-schema";
import { GeneralName, GeneralSubtree, GeneralSubtrees, NameConstraints } from "@peculiar/asn1-x509";
import { checkTruststore, type CertificateReport } from "./index";
import {
  bundle,
  chain,
  issue,
  tamperSignature,
  type Hash,
  type Issued,
  type KeySpec,
} from "./test-support/fixtures";
import { openssl, opensslSelfSigned, opensslWithFiles } from "./test-support/openssl";

const NAMEOPT = "esc_2253,esc_ctrl,utf8,dump_nostr,dump_der,sep_comma_plus_space,sname";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An ISO time as openssl prints it: "Aug  5 09:36:04 2021 GMT". */
function opensslDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

function field(output: string, name: string): string {
  const line = output.split("\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}=`));
  if (!line) throw new Error(`openssl printed no ${name}: ${output}`);
  return line.slice(line.indexOf("=") + 1).trim();
}

function expectAgreement(ours: CertificateReport, pem: string) {
  const out = openssl(
    [
      "x509",
      "-noout",
      "-serial",
      "-startdate",
      "-enddate",
      "-subject",
      "-issuer",
      "-nameopt",
      NAMEOPT,
      "-fingerprint",
      "-sha256",
    ],
    pem,
  );
  const sha1 = openssl(["x509", "-noout", "-fingerprint", "-sha1"], pem);
  expect(ours.serialNumber).toBe(field(out, "serial"));
  expect(opensslDate(ours.notBefore)).toBe(field(out, "notBefore"));
  expect(opensslDate(ours.notAfter)).toBe(field(out, "notAfter"));
  expect(ours.subject).toBe(field(out, "subject"));
  expect(ours.issuer).toBe(field(out, "issuer"));
  expect(ours.fingerprintSha256).toBe(field(out, "sha256 Fingerprint"));
  expect(ours.fingerprintSha1).toBe(field(sha1, "sha1 Fingerprint"));
}

describe("agreement with openssl x509", () => {
  const generated: Issued[] = [];

  beforeAll(async () => {
    const specs: [KeySpec, Hash][] = [
      [{ rsa: 1024 }, "SHA-256"],
      [{ rsa: 2048 }, "SHA-1"],
      [{ rsa: 2048 }, "SHA-256"],
      [{ rsa: 4096 }, "SHA-512"],
      [{ ec: "P-256" }, "SHA-256"],
      [{ ec: "P-384" }, "SHA-384"],
      [{ ec: "P-521" }, "SHA-512"],
    ];
    for (const [key, hash] of specs) {
      const root = await issue({
        subject: `CN=${JSON.stringify(key)} ${hash} Root, O=Example Corp, C=DE`,
        key,
        hash,
        serialNumber: "00ff01",
      });
      const leaf = await issue({
        subject: `CN=client-${hash}.example.com, OU=Devices, O=Example\\, Inc.`,
        issuer: root,
        key,
        hash,
        ca: false,
        validDays: [-400, -3],
      });
      generated.push(root, leaf);
    }
    generated.push(
      await issue({ subject: 'CN=<img src=x onerror=alert(1)>, O=Evil "Quotes"; Ltd+' }),
    );
    // UTCTime before 2000 and GeneralizedTime after 2049.
    generated.push(
      await issue({
        subject: "CN=Long Lived",
        notBefore: new Date("1999-12-31T23:59:59Z"),
        notAfter: new Date("2060-02-29T12:00:00Z"),
      }),
    );
  });

  it("serial, validity, subject, issuer and both fingerprints match openssl for every generated certificate", async () => {
    const report = await checkTruststore(bundle(...generated));
    expect(report.certificates).toHaveLength(generated.length);
    report.certificates.forEach((ours, i) => expectAgreement(ours, generated[i]!.pem));
  });

  it("openssl-made certificates (P-192, DSA, Ed25519, MD5, UTF-8 and multi-valued names) decode the same way", async () => {
    const made = [
      opensslSelfSigned({
        newkey: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime192v1"],
        subject: "/C=US/O=Legacy/CN=P-192 Root",
      }),
      opensslSelfSigned({ newkey: ["-newkey", "dsa:{params}"], subject: "/CN=DSA Root" }),
      opensslSelfSigned({ newkey: ["-newkey", "ed25519"], subject: "/CN=Ed25519 Root" }),
      opensslSelfSigned({
        newkey: ["-newkey", "rsa:2048"],
        subject: "/CN=MD5 Root/emailAddress=pki@example.com",
        digest: "md5",
      }),
      opensslSelfSigned({
        newkey: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"],
        subject: "/C=FR/O=Société Générale/CN=Zürich Root+OU=Ops",
        extra: ["-utf8", "-multivalue-rdn"],
      }),
    ];
    const report = await checkTruststore(made.map((m) => m.pem).join("\n"));
    report.certificates.forEach((ours, i) => expectAgreement(ours, made[i]!.pem));
    expect(report.certificates.map((c) => c.publicKey.algorithm)).toEqual([
      "EC",
      "DSA",
      "Ed25519",
      "RSA",
      "EC",
    ]);
    expect(report.certificates[4]!.subject).toBe(
      "C=FR, O=Société Générale, OU=Ops + CN=Zürich Root",
    ); // a SET is sorted in DER
  });

  it("the decoded view holds what openssl x509 -text shows", async () => {
    const root = await issue({
      subject: "CN=Text Root, O=Example",
      key: { rsa: 2048 },
      pathLength: 1,
    });
    const nameConstraints = new NameConstraints({
      permittedSubtrees: new GeneralSubtrees([
        new GeneralSubtree({ base: new GeneralName({ dNSName: ".example.com" }) }),
      ]),
      excludedSubtrees: new GeneralSubtrees([
        new GeneralSubtree({ base: new GeneralName({ dNSName: "bad.example.com" }) }),
      ]),
    });
    const int = await issue({
      subject: "CN=Text Intermediate, O=Example",
      issuer: root,
      ca: true,
      pathLength: 0,
      key: { ec: "P-384" },
      sans: ["ca.example.com"],
      extensions: [
        new x509.CRLDistributionPointsExtension(["http://crl.example.com/root.crl"]),
        new x509.AuthorityInfoAccessExtension({
          ocsp: ["http://ocsp.example.com"],
          caIssuers: ["http://pki.example.com/root.cer"],
        }),
        new x509.CertificatePolicyExtension(["2.23.140.1.2.1", "1.3.6.1.4.1.99999.1"]),
        new x509.Extension("2.5.29.30", true, AsnConvert.serialize(nameConstraints)),
      ],
    });
    const report = await checkTruststore(bundle(root, int));
    const c = report.certificates[1]!;
    const text = openssl(["x509", "-noout", "-text"], int.pem);

    expect(text).toContain(`Version: ${c.version} (0x${c.version - 1})`);
    expect(text).toContain(`Signature Algorithm: ${c.signatureAlgorithm.name}`);
    expect(c.signatureAlgorithm.name).toBe("sha256WithRSAEncryption");
    expect(text).toContain(`Public-Key: (${c.publicKey.bits} bit)`);
    expect(text).toContain("ASN1 OID: secp384r1");
    expect(c.publicKey).toMatchObject({ algorithm: "EC", curve: "P-384", bits: 384 });
    expect(text).toContain(`CA:TRUE, pathlen:0`);
    expect(c.basicConstraints).toEqual({ ca: true, pathLength: 0, critical: true });
    expect(text).toContain(c.keyUsage!.join(", "));
    expect(c.keyUsage).toEqual(["Certificate Sign", "CRL Sign"]);
    expect(text).toContain("DNS:ca.example.com");
    expect(c.subjectAltNames).toEqual([{ type: "DNS", value: "ca.example.com" }]);
    expect(text).toContain(c.subjectKeyId!);
    expect(text).toContain(c.authorityKeyId!);
    expect(c.authorityKeyId).toBe(report.certificates[0]!.subjectKeyId);
    expect(c.crlDistributionPoints).toEqual(["URI:http://crl.example.com/root.crl"]);
    expect(text).toContain("URI:http://crl.example.com/root.crl");
    expect(c.authorityInfoAccess).toEqual([
      { method: "OCSP", location: "URI:http://ocsp.example.com" },
      { method: "CA Issuers", location: "URI:http://pki.example.com/root.cer" },
    ]);
    expect(text).toContain("OCSP - URI:http://ocsp.example.com");
    expect(text).toContain("CA Issuers - URI:http://pki.example.com/root.cer");
    expect(c.certificatePolicies).toEqual([
      "2.23.140.1.2.1 (CA/B Forum Domain Validated)",
      "1.3.6.1.4.1.99999.1",
    ]);
    expect(text).toContain("Policy: 1.3.6.1.4.1.99999.1");
    expect(c.nameConstraints).toEqual({
      permitted: [{ type: "DNS", value: ".example.com" }],
      excluded: [{ type: "DNS", value: "bad.example.com" }],
    });
    expect(text).toMatch(/Permitted:\s+DNS:\.example\.com/);
    expect(text).toMatch(/Excluded:\s+DNS:bad\.example\.com/);
    expect(report.certificates[0]!.basicConstraints?.pathLength).toBe(1);
    expect(c.extensions.map((e) => e.name)).toEqual(
      expect.arrayContaining(["X509v3 Name Constraints", "X509v3 Certificate Policies"]),
    );
    // The PEM we give back is the same certificate.
    expect(openssl(["x509", "-noout", "-fingerprint", "-sha256"], c.pem)).toContain(
      c.fingerprintSha256,
    );
  });
});

describe("signature verdicts agree with openssl verify", () => {
  let good: Issued[];
  beforeAll(async () => {
    good = await chain(3, { prefix: "Verify", key: { rsa: 2048 } });
  });

  /** openssl's verdict on `child`'s signature with `issuer` as the trust anchor. */
  function opensslSignatureOk(issuer: string, child: string, selfSigned = false): boolean {
    const { status, output } = opensslWithFiles({ "ca.pem": issuer, "cert.pem": child }, (dir) => [
      "verify",
      "-auth_level",
      "0",
      "-no_check_time",
      "-partial_chain",
      ...(selfSigned ? ["-check_ss_sig"] : []),
      "-CAfile",
      `${dir}/ca.pem`,
      `${dir}/cert.pem`,
    ]);
    if (status !== 0 && !/signature failure|unable to get local issuer/i.test(output)) {
      throw new Error(
        `openssl verify failed for another reason (status ${status}): ${JSON.stringify(output)}`,
      );
    }
    return status === 0;
  }

  it("for sound, tampered and impostor signatures", async () => {
    const [root, int, leaf] = good;
    const impostor = await issue({ subject: root!.subject, key: { rsa: 2048 } });
    const sha1Leaf = await issue({
      subject: "CN=Verify SHA1",
      issuer: int!,
      hash: "SHA-1",
      ca: false,
    });
    const ecInt = await issue({
      subject: "CN=Verify EC Int",
      issuer: root!,
      key: { ec: "P-521" },
      ca: true,
    });
    const ecLeaf = await issue({
      subject: "CN=Verify EC Leaf",
      issuer: ecInt,
      hash: "SHA-384",
      ca: false,
    });
    const cases: [string, string, string, boolean][] = [
      ["good intermediate", root!.pem, int!.pem, false],
      ["good leaf", int!.pem, leaf!.pem, false],
      ["sha1 leaf", int!.pem, sha1Leaf.pem, false],
      ["ec leaf", ecInt.pem, ecLeaf.pem, false],
      ["tampered intermediate", root!.pem, tamperSignature(int!), false],
      ["tampered ec leaf", ecInt.pem, tamperSignature(ecLeaf), false],
      ["impostor issuer", impostor.pem, int!.pem, false],
      ["good root", root!.pem, root!.pem, true],
      ["tampered root", tamperSignature(root!), tamperSignature(root!), true],
    ];
    for (const [name, issuer, child, selfSigned] of cases) {
      const report = await checkTruststore(selfSigned ? child : `${issuer}\n${child}`);
      const target = report.certificates[report.certificates.length - 1]!;
      const ours = !report.findings.some(
        (f) => f.rule === "signature" && f.certificate === target.index,
      );
      expect(ours, name).toBe(opensslSignatureOk(issuer, child, selfSigned));
    }
  });
});
