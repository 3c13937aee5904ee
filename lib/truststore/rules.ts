/**
 * Checks of one certificate on its own: algorithms and validity period.
 * Shared by the truststore check and the client-certificate check, so both
 * judge a certificate by the same rules.
 */
import { STRONG_HASHES } from "./oids";
import { describePublicKey } from "./key-description";
import type { CertificateRule, DecodedCertificate } from "./types";

export interface RuleHit {
  rule: CertificateRule;
  message: string;
}

const DAY_MS = 86_400_000;
const SUPPORTED_CURVES = new Set(["P-256", "P-384", "P-521"]);
const SUPPORTED_SIGNATURE_SCHEMES = new Set(["RSASSA-PKCS1-v1_5", "RSA-PSS", "ECDSA"]);

export const quote = (subject: string) => `"${subject || "(empty subject)"}"`;
export const day = (iso: string) => iso.slice(0, 10);

export function algorithmHits(cert: DecodedCertificate): RuleHit[] {
  const hits: RuleHit[] = [];
  const who = quote(cert.subject);
  const sig = cert.signatureAlgorithm;
  const key = cert.publicKey;

  if (!SUPPORTED_SIGNATURE_SCHEMES.has(sig.scheme)) {
    hits.push({
      rule: "unsupported-algorithm",
      message: `${who} is signed with ${sig.name}, which API Gateway does not support (RSA or ECDSA signatures only).`,
    });
  } else if (!sig.hash || !STRONG_HASHES.has(sig.hash)) {
    hits.push({
      rule: "weak-hash",
      message: `${who} is signed with ${sig.name}${sig.hash ? ` (${sig.hash})` : ""}; API Gateway needs SHA-256 or stronger.`,
    });
  }

  if (key.algorithm === "RSA" || key.algorithm === "RSA-PSS") {
    if ((key.bits ?? 0) < 2048) {
      hits.push({
        rule: "weak-key",
        message: `${who} has an ${describePublicKey(key)} key; API Gateway needs RSA keys of 2048 bits or more.`,
      });
    }
  } else if (key.algorithm === "EC") {
    if (key.bits !== undefined && key.bits < 256) {
      hits.push({
        rule: "weak-key",
        message: `${who} has an EC ${key.curve} key (${key.bits} bits); API Gateway needs ECDSA keys of 256 bits or more.`,
      });
    } else if (!key.curve || !SUPPORTED_CURVES.has(key.curve)) {
      hits.push({
        rule: "unsupported-algorithm",
        message: `${who} has an EC key on curve ${key.curve ?? "unknown"}; API Gateway supports the NIST curves P-256, P-384 and P-521.`,
      });
    }
  } else {
    hits.push({
      rule: "unsupported-algorithm",
      message: `${who} has a key of type ${key.algorithm}, which API Gateway does not support (RSA or ECDSA keys only).`,
    });
  }
  return hits;
}

export function validityHits(cert: DecodedCertificate, at: Date, expiringDays: number): RuleHit[] {
  const who = quote(cert.subject);
  const now = at.getTime();
  const notBefore = Date.parse(cert.notBefore);
  const notAfter = Date.parse(cert.notAfter);
  if (notAfter < now) {
    return [
      {
        rule: "expired",
        message: `${who} expired on ${day(cert.notAfter)}; clients whose chain runs through it are refused.`,
      },
    ];
  }
  if (notBefore > now) {
    return [
      {
        rule: "not-yet-valid",
        message: `${who} is not valid before ${day(cert.notBefore)}; clients whose chain runs through it are refused until then.`,
      },
    ];
  }
  const daysLeft = (notAfter - now) / DAY_MS;
  if (daysLeft <= expiringDays) {
    const whole = Math.floor(daysLeft);
    return [
      {
        rule: "expiring-soon",
        message: `${who} expires on ${day(cert.notAfter)} (${whole === 0 ? "in less than a day" : `in ${whole} day${whole === 1 ? "" : "s"}`}); API Gateway will not warn you when it does.`,
      },
    ];
  }
  return [];
}
