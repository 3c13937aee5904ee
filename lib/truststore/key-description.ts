/**
 * A public key in a few words ("RSA 2048 bits", "EC P-256"), as the
 * certificate views and the rules say it: apart from the decoder, so the
 * browser's certificate list loads without the ASN.1 schemas.
 */
import type { PublicKeyInfo } from "./types";

export function describePublicKey(key: PublicKeyInfo): string {
  if (key.algorithm === "RSA" || key.algorithm === "RSA-PSS")
    return `${key.algorithm} ${key.bits ?? "?"} bits`;
  if (key.algorithm === "EC") return `EC ${key.curve ?? "unknown curve"}`;
  return key.algorithm;
}
