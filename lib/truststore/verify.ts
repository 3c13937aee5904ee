/**
 * Signature checks with WebCrypto (the browser's or Node's). An imported
 * issuer key is cached per algorithm, so a CA that signed a thousand
 * certificates is imported once.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { RsaSaPssParams } from "@peculiar/asn1-rsa";
import { CURVES } from "./oids";
import { children, content, expectTag, readTlv, TAG } from "./der";
import type { ParsedCertificate } from "./decode";

/**
 * valid: the issuer's key verifies the signature. invalid: it does not.
 * unverifiable: WebCrypto cannot check this algorithm (MD5, SHA-224, DSA,
 * P-192 …); other rules (weak-hash, weak-key, unsupported-algorithm) say why.
 */
export type SignatureCheck = "valid" | "invalid" | "unverifiable";

type WebHash = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";
const WEB_HASHES = new Set<string>(["SHA-1", "SHA-256", "SHA-384", "SHA-512"]);

interface Plan {
  cacheKey: string;
  importAlgorithm: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  verifyAlgorithm: Algorithm | RsaPssParams | EcdsaParams;
  signature: (value: Uint8Array) => Uint8Array | null;
}

const asIs = (value: Uint8Array) => value;

function unsignedFixed(integer: Uint8Array, size: number): Uint8Array | null {
  let bytes = integer;
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes.length > size) return null;
  const out = new Uint8Array(size);
  out.set(bytes, size - bytes.length);
  return out;
}

/** X.509 carries ECDSA signatures as DER SEQUENCE { r, s }; WebCrypto wants r‖s. */
function ecdsaRaw(size: number) {
  return (value: Uint8Array): Uint8Array | null => {
    try {
      const outer = expectTag(readTlv(value, 0), TAG.SEQUENCE, "an ECDSA signature");
      const [rTlv, sTlv] = children(value, outer);
      const r = unsignedFixed(content(value, expectTag(rTlv, TAG.INTEGER, "r")), size);
      const s = unsignedFixed(content(value, expectTag(sTlv, TAG.INTEGER, "s")), size);
      if (!r || !s) return null;
      const out = new Uint8Array(size * 2);
      out.set(r, 0);
      out.set(s, size);
      return out;
    } catch {
      return null;
    }
  };
}

/** How to check `child`'s signature with `issuer`'s key, or why it cannot be done. */
function plan(
  child: ParsedCertificate,
  issuer: ParsedCertificate,
): Plan | "invalid" | "unverifiable" {
  const sig = child.decoded.signatureAlgorithm;
  const key = issuer.decoded.publicKey;
  const hash = sig.hash;
  switch (sig.scheme) {
    case "RSASSA-PKCS1-v1_5":
      if (key.algorithm !== "RSA") return "invalid";
      if (!hash || !WEB_HASHES.has(hash)) return "unverifiable";
      return {
        cacheKey: `pkcs1:${hash}`,
        importAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: hash as WebHash },
        verifyAlgorithm: { name: "RSASSA-PKCS1-v1_5" },
        signature: asIs,
      };
    case "RSA-PSS": {
      if (key.algorithm !== "RSA" && key.algorithm !== "RSA-PSS") return "invalid";
      if (!hash || !WEB_HASHES.has(hash)) return "unverifiable";
      let saltLength = 20;
      if (child.signatureParameters && child.signatureParameters.byteLength > 0) {
        try {
          saltLength = AsnConvert.parse(child.signatureParameters, RsaSaPssParams).saltLength;
        } catch {
          return "unverifiable";
        }
      }
      return {
        cacheKey: `pss:${hash}`,
        importAlgorithm: { name: "RSA-PSS", hash: hash as WebHash },
        verifyAlgorithm: { name: "RSA-PSS", saltLength } as RsaPssParams,
        signature: asIs,
      };
    }
    case "ECDSA": {
      if (key.algorithm !== "EC") return "invalid";
      const curve = key.curveOid ? CURVES[key.curveOid] : undefined;
      if (!curve?.webCrypto || !hash || !WEB_HASHES.has(hash)) return "unverifiable";
      return {
        cacheKey: `ecdsa`,
        importAlgorithm: { name: "ECDSA", namedCurve: curve.webCrypto },
        verifyAlgorithm: { name: "ECDSA", hash: hash as WebHash } as EcdsaParams,
        signature: ecdsaRaw(Math.ceil(curve.bits / 8)),
      };
    }
    case "Ed25519":
      if (key.algorithm !== "Ed25519") return "invalid";
      return {
        cacheKey: "ed25519",
        importAlgorithm: { name: "Ed25519" },
        verifyAlgorithm: { name: "Ed25519" },
        signature: asIs,
      };
    default:
      return "unverifiable";
  }
}

export class SignatureVerifier {
  private readonly keys = new Map<ParsedCertificate, Map<string, Promise<CryptoKey | null>>>();
  private readonly results = new Map<
    ParsedCertificate,
    Map<ParsedCertificate, Promise<SignatureCheck>>
  >();

  private importKey(issuer: ParsedCertificate, p: Plan): Promise<CryptoKey | null> {
    let perIssuer = this.keys.get(issuer);
    if (!perIssuer) this.keys.set(issuer, (perIssuer = new Map()));
    let key = perIssuer.get(p.cacheKey);
    if (!key) {
      key = crypto.subtle
        .importKey("spki", issuer.spki as Uint8Array<ArrayBuffer>, p.importAlgorithm, false, [
          "verify",
        ])
        .catch(() => null);
      perIssuer.set(p.cacheKey, key);
    }
    return key;
  }

  /** Does `issuer`'s public key verify `child`'s signature? Cached per pair. */
  check(child: ParsedCertificate, issuer: ParsedCertificate): Promise<SignatureCheck> {
    let perChild = this.results.get(child);
    if (!perChild) this.results.set(child, (perChild = new Map()));
    let result = perChild.get(issuer);
    if (!result) {
      result = this.run(child, issuer);
      perChild.set(issuer, result);
    }
    return result;
  }

  private async run(child: ParsedCertificate, issuer: ParsedCertificate): Promise<SignatureCheck> {
    const p = plan(child, issuer);
    if (typeof p === "string") return p;
    const key = await this.importKey(issuer, p);
    if (!key) return "unverifiable";
    const signature = p.signature(child.signatureValue);
    if (!signature) return "invalid";
    try {
      const ok = await crypto.subtle.verify(
        p.verifyAlgorithm,
        key,
        signature as Uint8Array<ArrayBuffer>,
        child.tbs as Uint8Array<ArrayBuffer>,
      );
      return ok ? "valid" : "invalid";
    } catch {
      return "unverifiable";
    }
  }
}
