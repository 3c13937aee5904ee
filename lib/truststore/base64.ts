/**
 * Base64 both ways, fast where the engine runs: Node's Buffer when there
 * is one (found at run time: a browser build carries no polyfill for it),
 * else the browser's atob/btoa. `strictFromBase64` refuses anything but
 * the standard alphabet with its padding at the end.
 */
interface BufferLike {
  from(
    data: Uint8Array | string,
    encoding?: "base64",
  ): Uint8Array & {
    toString(encoding: "base64"): string;
  };
}

const nodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

export function toBase64(bytes: Uint8Array): string {
  if (nodeBuffer) return nodeBuffer.from(bytes).toString("base64");
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  // A copy: a small Buffer is a view of a pool shared with others.
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(text, "base64"));
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard base64 decoded, or null when it is not exactly that (alphabet, padding, length). */
export function strictFromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  if (nodeBuffer) {
    // Node's decoder skips what is not base64 and takes the URL-safe
    // alphabet: refused here, and anything skipped shows as missing bytes.
    const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    const firstPad = text.indexOf("=");
    if (firstPad !== -1 && firstPad < text.length - pad) return null;
    if (text.includes("-") || text.includes("_")) return null;
    const bytes = nodeBuffer.from(text, "base64");
    return bytes.length === (text.length / 4) * 3 - pad ? new Uint8Array(bytes) : null;
  }
  if (!BASE64.test(text)) return null;
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}
