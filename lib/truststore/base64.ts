/**
 * Base64 both ways, fast where the engine runs: Node's Buffer when there
 * is one (found at run time: a browser build carries no polyfill for it),
 * else the browser's atob/btoa. Decoding is strict (callers check the
 * alphabet and padding first).
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
