/** ACM's names of key and signature algorithms, and a parsed certificate's. */
import type { CertificateReport } from "../../lib/truststore";
import { validation } from "./errors";

export const DEFAULT_KEY_TYPES = new Set(["RSA_1024", "RSA_2048"]);

export function keyAlgorithm(cert: CertificateReport): string {
  const key = cert.publicKey;
  if (key.algorithm === "RSA") return `RSA_${key.bits}`;
  if (key.algorithm === "EC") {
    const names: Record<string, string> = {
      "P-256": "EC_prime256v1",
      "P-384": "EC_secp384r1",
      "P-521": "EC_secp521r1",
    };
    const name = key.curve ? names[key.curve] : undefined;
    if (name) return name;
  }
  throw validation(
    `The certificate's key (${key.algorithm}${key.curve ? ` ${key.curve}` : ""}) is not supported by ACM.`,
  );
}

export function signatureAlgorithm(cert: CertificateReport): string {
  const sig = cert.signatureAlgorithm;
  const hash = (sig.hash ?? "").replace("-", "");
  if (sig.scheme === "ECDSA") return `${hash}WITHECDSA`;
  if (sig.scheme === "RSA-PSS") return `${hash}WITHRSAPSS`;
  return `${hash}WITHRSA`;
}
