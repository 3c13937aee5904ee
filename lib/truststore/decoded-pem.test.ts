/**
 * A decoded certificate's PEM is openssl's form of its DER, whatever the
 * file looked like: lines of 64 as read, lines of 76, Windows line ends,
 * padding with stray bits (which strict base64 lets through).
 */
import { describe, expect, it } from "vitest";
import { checkTruststore } from "./check";
import { largeBundle } from "./test-support/fixtures";

const body = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
const opensslPem = (base64: string) =>
  `-----BEGIN CERTIFICATE-----\n${base64.replace(/.{1,64}/g, "$&\n")}-----END CERTIFICATE-----\n`;
const asRead = (base64: string, width: number, eol = "\n") =>
  `-----BEGIN CERTIFICATE-----${eol}${base64.match(new RegExp(`.{1,${width}}`, "g"))!.join(eol)}${eol}-----END CERTIFICATE-----${eol}`;

describe("a decoded certificate's PEM", () => {
  it("is openssl's form of its DER for every way the file was written", async () => {
    const issued = await largeBundle(6, { key: { rsa: 2048 }, prefix: "Pem" });
    const canonical = issued.map((i) => Buffer.from(body(i.pem), "base64").toString("base64"));
    // A padded end with stray bits: the last character before "=" one higher in the alphabet.
    const stray = canonical.map((b64) => {
      if (!b64.endsWith("=")) return b64;
      const at = b64.replace(/=+$/, "").length - 1;
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      return b64.slice(0, at) + alphabet[alphabet.indexOf(b64[at]!) + 1] + b64.slice(at + 1);
    });
    expect(stray.some((b64, k) => b64 !== canonical[k])).toBe(true);
    for (const [texts, how] of [
      [canonical.map((b) => asRead(b, 64)), "64"],
      [canonical.map((b) => asRead(b, 76)), "76"],
      [canonical.map((b) => asRead(b, 64, "\r\n")), "CRLF"],
      [stray.map((b) => asRead(b, 64)), "stray bits"],
    ] as const) {
      const report = await checkTruststore(texts.join(""));
      expect(
        report.certificates.map((c) => c.pem),
        how,
      ).toEqual(canonical.map(opensslPem));
    }
  });
});
