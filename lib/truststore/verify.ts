/**
 * Signature checks: in Node with Node's crypto (./node-crypto.ts: no
 * asynchronous job per check), in a browser with WebCrypto; anything Node's
 * path cannot take (a key it will not read, an error) goes the WebCrypto
 * way, so both give one answer. An imported issuer key is cached, so a CA
 * that signed a thousand certificates is imported once.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { RsaSaPssParams } from "@peculiar/asn1-rsa";
import { CURVES } from "./oids";
import { children, content, expectTag, readTlv, TAG } from "./der";
import type { ParsedCertificate } from "./decode";
import { nodeCrypto, type NodeKey, type NodeVerifyOptions } from "./node-crypto";

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
  /** The same check with Node's crypto: its digest name (null: none, Ed25519) and key options. */
  node: {
    hash: string | null;
    options: NodeVerifyOptions;
    /** The signature as the certificate carries it (ECDSA's DER), once it converts cleanly. */
    derSignature?: boolean;
  };
}

const NO_OPTIONS: NodeVerifyOptions = {};

const nodeHash = (hash: string) => hash.replace("-", "").toLowerCase();
/** crypto.constants.RSA_PKCS1_PSS_PADDING (a number, so a browser build needs no node:crypto). */
const RSA_PKCS1_PSS_PADDING = 6;

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
        node: { hash: nodeHash(hash), options: NO_OPTIONS },
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
        node: {
          hash: nodeHash(hash),
          options: { padding: RSA_PKCS1_PSS_PADDING, saltLength },
        },
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
        // Node reads X.509's DER form itself (OpenSSL's own path, as X509Certificate's).
        node: { hash: nodeHash(hash), options: NO_OPTIONS, derSignature: true },
      };
    }
    case "Ed25519":
      if (key.algorithm !== "Ed25519") return "invalid";
      return {
        cacheKey: "ed25519",
        importAlgorithm: { name: "Ed25519" },
        verifyAlgorithm: { name: "Ed25519" },
        signature: asIs,
        node: { hash: null, options: NO_OPTIONS },
      };
    default:
      return "unverifiable";
  }
}

export class SignatureVerifier {
  /**
   * threads: checks go to libuv's threads, beside this thread's work (worth
   * it for many checks; for a few, waking a thread costs more than the check).
   */
  constructor(private readonly options: { threads: boolean } = { threads: false }) {}

  private readonly keys = new Map<ParsedCertificate, Map<string, Promise<CryptoKey | null>>>();
  private readonly nodeKeys = new Map<ParsedCertificate, NodeKey | null>();
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

  /** The issuer's key as Node reads it; null when it does not (the WebCrypto way then answers). */
  private nodeKey(issuer: ParsedCertificate): NodeKey | null {
    let key = this.nodeKeys.get(issuer);
    if (key === undefined) {
      try {
        key = nodeCrypto!.createPublicKey({ key: issuer.spki, format: "der", type: "spki" });
      } catch {
        key = null;
      }
      this.nodeKeys.set(issuer, key);
    }
    return key;
  }

  /**
   * The check with Node's crypto (on libuv's threads when there are many:
   * they run side by side while this thread goes on decoding), or
   * null for the WebCrypto way (no key, an error, a DER signature refused).
   */
  private runInNode(
    child: ParsedCertificate,
    issuer: ParsedCertificate,
    p: Plan,
  ): Promise<SignatureCheck | null> | SignatureCheck | null {
    const key = this.nodeKey(issuer);
    if (!key) return null;
    // The WebCrypto form decides what is malformed ("invalid"), so both ways agree.
    const converted = p.signature(child.signatureValue);
    if (!converted) return "invalid";
    const signature = p.node.derSignature ? child.signatureValue : converted;
    // OpenSSL refuses DER the converted form forgives (trailing bytes, padded integers):
    // a DER signature it refuses is judged the WebCrypto way.
    const refused: SignatureCheck | null = p.node.derSignature ? null : "invalid";
    const input = p.node.options === NO_OPTIONS ? key : { key, ...p.node.options };
    if (!this.options.threads) {
      try {
        return nodeCrypto!.verify(p.node.hash, child.tbs, input, signature) ? "valid" : refused;
      } catch {
        return null;
      }
    }
    return new Promise((resolve) => {
      try {
        nodeCrypto!.verify(p.node.hash, child.tbs, input, signature, (error, ok) =>
          resolve(error ? null : ok ? "valid" : refused),
        );
      } catch {
        resolve(null);
      }
    });
  }

  private async run(child: ParsedCertificate, issuer: ParsedCertificate): Promise<SignatureCheck> {
    const p = plan(child, issuer);
    if (typeof p === "string") return p;
    const fast = nodeCrypto ? await this.runInNode(child, issuer, p) : null;
    if (fast) return fast;
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
