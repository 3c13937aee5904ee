/** Bytes as upper-case hex, as openssl prints fingerprints and key ids. */
export function toHex(data: ArrayBuffer | Uint8Array, separator = ""): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (separator.length > 1) return [...bytes].map((b) => HEX[b]).join(separator);
  // Character codes made into one flat string at once: building it by
  // concatenation left a chain of pieces per digest for the GC.
  const between = separator.charCodeAt(0);
  let out = "";
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let j = 0;
    for (let i = start; i < end; i++) {
      if (separator && i > 0) SCRATCH[j++] = between;
      const b = bytes[i]!;
      SCRATCH[j++] = DIGITS[b >> 4]!;
      SCRATCH[j++] = DIGITS[b & 15]!;
    }
    out += String.fromCharCode.apply(null, SCRATCH.subarray(0, j) as unknown as number[]);
  }
  return out;
}

/** Bytes per String.fromCharCode call (well under engines' argument limits). */
const CHUNK = 4096;
/** Character codes are written here and read at once (never kept between calls). */
const SCRATCH = new Uint16Array(CHUNK * 3);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0").toUpperCase());
const DIGITS = Array.from("0123456789ABCDEF", (c) => c.charCodeAt(0));
