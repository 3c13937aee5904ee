import * as x509 from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { issue, makeCrl } from "../pki/generate";
import { checkCrl, readCrl, revocationOf, serialKey } from "./revocation";

const DAY = 86_400_000;

describe("revocation: CRLs and the deny list, issuer and serial together", () => {
  it("a CRL of a truststore CA revokes its client; the CA's other clients pass", async () => {
    const ca = await issue({ subject: "CN=Revoking CA" });
    const stolen = await issue({ subject: "CN=stolen-device", issuer: ca, ca: false });
    const fine = await issue({ subject: "CN=fine-device", issuer: ca, ca: false });
    const { pem, crl: made } = await makeCrl(ca, [stolen]);
    const crl = readCrl(pem);
    // DER reads the same.
    expect(readCrl(new Uint8Array(made.rawData)).revoked).toEqual(crl.revoked);
    expect(crl.issuer).toBe("CN=Revoking CA");
    expect(crl.revoked).toEqual([
      expect.objectContaining({
        serial: serialKey(stolen.cert.serialNumber),
        reason: "keyCompromise",
      }),
    ]);
    const checked = await checkCrl(crl, [ca.pem]);
    expect(checked).toMatchObject({ ok: true, issuerIndex: 0 });
    expect(revocationOf(stolen.pem, { crls: [crl], denied: [] })).toMatchObject({
      revoked: true,
      by: "crl",
    });
    expect(revocationOf(fine.pem, { crls: [crl], denied: [] })).toEqual({ revoked: false });
  });

  it("refuses a CRL signed by another key, one past nextUpdate, and one of a CA not in the truststore", async () => {
    const ca = await issue({ subject: "CN=Careful CA" });
    const impostor = await issue({ subject: "CN=Careful CA" });
    const client = await issue({ subject: "CN=client", issuer: ca, ca: false });
    const forged = readCrl((await makeCrl(ca, [client], { signer: impostor })).pem);
    expect(await checkCrl(forged, [ca.pem])).toEqual({
      ok: false,
      problem: expect.stringContaining("does not verify its signature"),
    });
    const stale = readCrl(
      (await makeCrl(ca, [client], { nextUpdate: new Date(Date.now() - DAY) })).pem,
    );
    expect(await checkCrl(stale, [ca.pem])).toEqual({
      ok: false,
      problem: expect.stringContaining("is stale"),
    });
    const other = await issue({ subject: "CN=Elsewhere CA" });
    expect(await checkCrl(readCrl((await makeCrl(other, [])).pem), [ca.pem])).toEqual({
      ok: false,
      problem: expect.stringContaining("not a CA of this truststore"),
    });
  });

  it("never matches a serial of another issuer (two CAs can issue the same serial)", async () => {
    const a = await issue({ subject: "CN=CA A" });
    const b = await issue({ subject: "CN=CA B" });
    const fromA = await issue({ subject: "CN=dev", issuer: a, ca: false, serialNumber: "1001" });
    const fromB = await issue({ subject: "CN=dev", issuer: b, ca: false, serialNumber: "1001" });
    const crl = readCrl((await makeCrl(a, ["1001"])).pem);
    expect(revocationOf(fromA.pem, { crls: [crl], denied: [] }).revoked).toBe(true);
    expect(revocationOf(fromB.pem, { crls: [crl], denied: [] }).revoked).toBe(false);
    const denied = [{ issuer: "cn=ca b", serial: "00:10:01", reason: "leaked key" }];
    expect(revocationOf(fromB.pem, { crls: [], denied })).toMatchObject({
      revoked: true,
      by: "deny-list",
      entry: { reason: "leaked key" },
    });
    expect(revocationOf(fromA.pem, { crls: [], denied }).revoked).toBe(false);
  });

  it("says plainly when a file is not a CRL", () => {
    expect(() => readCrl("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toThrow(
      "Not a certificate revocation list (PEM or DER).",
    );
  });

  it("refuses a delta CRL: it lists only what changed, and would un-revoke the rest", async () => {
    const ca = await issue({ subject: "CN=Delta CA" });
    const client = await issue({ subject: "CN=client", issuer: ca, ca: false });
    // deltaCRLIndicator (2.5.29.27), critical, base CRL number 1 (INTEGER 1).
    const delta = readCrl(
      (
        await makeCrl(ca, [client], {
          extensions: [new x509.Extension("2.5.29.27", true, new Uint8Array([2, 1, 1]))],
        })
      ).pem,
    );
    expect(await checkCrl(delta, [ca.pem])).toEqual({
      ok: false,
      problem: expect.stringContaining("is a delta CRL"),
    });
  });
});
