/** Bytes as upper-case hex, as openssl prints fingerprints and key ids. */
export function toHex(data: ArrayBuffer | Uint8Array, separator = ""): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0 && separator) out += separator;
    out += HEX[bytes[i]!];
  }
  return out;
}
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0").toUpperCase());
