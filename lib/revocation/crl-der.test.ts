/**
 * CRLs as CAs publish them: made by `openssl ca -gencrl` (RSA and ECDSA
 * CAs, a CRL number, reason codes), read from PEM and DER, their
 * signatures checked, and a CRL of 50,000 serials (past the general ASN.1
 * parser's node limit) read whole; its speed is in `npm run bench`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { issue } from "../pki/generate";
import { readCrlDer } from "./crl-der";
import { checkCrl, readCrl } from "./revocation";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A CA made by openssl, and its CRL revoking two serials (one for key compromise) and `more`. */
function opensslCrl(
  key: readonly string[],
  more: string[] = [],
): { caPem: string; crlPem: string; crlDer: Uint8Array } {
  const dir = mkdtempSync(path.join(tmpdir(), "openssl-crl-"));
  dirs.push(dir);
  const at = (f: string) => path.join(dir, f);
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run("genpkey", ...key, "-out", at("ca.key"));
  run(
    "req",
    "-new",
    "-x509",
    "-key",
    at("ca.key"),
    "-out",
    at("ca.pem"),
    "-days",
    "30",
    "-subj",
    "/C=US/O=Acme/CN=OpenSSL Fleet CA",
  );
  writeFileSync(
    at("index.txt"),
    [
      "R\t301231235959Z\t261201000000Z,keyCompromise\t0A1B2C\tunknown\t/CN=stolen",
      "R\t301231235959Z\t261202000000Z\t00FF\tunknown\t/CN=retired",
      "V\t301231235959Z\t\t0123\tunknown\t/CN=fine",
      ...more.map(
        (serial) => `R\t301231235959Z\t261203000000Z\t${serial}\tunknown\t/CN=d${serial}`,
      ),
      "",
    ].join("\n"),
  );
  writeFileSync(at("crlnumber"), "1000\n");
  writeFileSync(
    at("ca.cnf"),
    `[ca]\ndefault_ca = fleet\n[fleet]\ndatabase = ${at("index.txt")}\ncrlnumber = ${at("crlnumber")}\ncertificate = ${at("ca.pem")}\nprivate_key = ${at("ca.key")}\ndefault_md = sha256\ndefault_crl_days = 7\n`,
  );
  run("ca", "-gencrl", "-config", at("ca.cnf"), "-out", at("crl.pem"));
  run("crl", "-in", at("crl.pem"), "-outform", "DER", "-out", at("crl.der"));
  return {
    caPem: readFileSync(at("ca.pem"), "utf8"),
    crlPem: readFileSync(at("crl.pem"), "utf8"),
    crlDer: new Uint8Array(readFileSync(at("crl.der"))),
  };
}

describe("CRLs as openssl makes them", () => {
  for (const [name, key] of [
    ["RSA", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"]],
    ["ECDSA P-256", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]],
  ] as const)
    it(`reads and checks a CRL of an ${name} CA, PEM and DER alike`, async () => {
      const { caPem, crlPem, crlDer } = opensslCrl(key);
      const crl = readCrl(crlPem);
      expect(readCrl(crlDer).revoked).toEqual(crl.revoked);
      expect(crl.issuer).toBe("C=US, O=Acme, CN=OpenSSL Fleet CA");
      expect([...crl.revoked].sort((a, b) => a.revokedAt.localeCompare(b.revokedAt))).toEqual([
        { serial: "a1b2c", revokedAt: "2026-12-01T00:00:00.000Z", reason: "keyCompromise" },
        { serial: "ff", revokedAt: "2026-12-02T00:00:00.000Z" },
      ]);
      // A CRL number (2.5.29.20) and the issuer's key id: a complete CRL.
      expect(crl.der.extensionOids).toContain("2.5.29.20");
      expect(await checkCrl(crl, [caPem])).toMatchObject({ ok: true });
      const other = await issue({ subject: "C=US, O=Acme, CN=OpenSSL Fleet CA" });
      expect(await checkCrl(crl, [other.pem])).toMatchObject({
        ok: false,
        problem: expect.stringContaining("does not verify its signature"),
      });
    });

  it("refuses what is not a CRL, with a plain sentence", () => {
    expect(() => readCrl("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----")).toThrow(
      "Not a certificate revocation list",
    );
    expect(() => readCrl(new Uint8Array([0x30, 0x82, 0xff]))).toThrow("Not a certificate");
    expect(() => readCrlDer(new Uint8Array([0x02, 0x01, 0x00]))).toThrow();
  });

  it("reads a CRL of 50,000 serials in one pass, and matches its last one", async () => {
    const serials = Array.from({ length: 50_000 }, (_, i) =>
      (0x200000 + i).toString(16).toUpperCase(),
    );
    const { caPem, crlPem } = opensslCrl(
      ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
      serials,
    );
    const crl = readCrl(crlPem);
    expect(crl.revoked).toHaveLength(50_002);
    expect(await checkCrl(crl, [caPem])).toMatchObject({ ok: true });
    expect(crl.index.get(serials.at(-1)!.toLowerCase())).toMatchObject({
      revokedAt: "2026-12-03T00:00:00.000Z",
    });
  }, 60_000);
});
