/**
 * Node's own crypto, when the engine runs in Node: digests and signature
 * checks done at once, without WebCrypto's asynchronous job for each
 * (several times faster for a thousand certificates). Found at run time
 * (`process.getBuiltinModule`), so no bundler pulls `node:crypto` into the
 * browser build; in a browser this is null and the engine uses WebCrypto.
 * Both are the same OpenSSL in Node, so they give the same answers.
 */
import { toHex } from "./hex";

/** A public key as Node's crypto holds it (opaque here). */
export interface NodeKey {
  readonly type: string;
}

/** How a signature is checked: ECDSA's signature form, RSA-PSS's padding and salt. */
export interface NodeVerifyOptions {
  dsaEncoding?: "der" | "ieee-p1363";
  padding?: number;
  saltLength?: number;
}

export type NodeVerifyInput = NodeKey | ({ key: NodeKey } & NodeVerifyOptions);

/** The part of `node:crypto` the engine uses (typed here: the engine imports nothing of Node). */
interface NodeCrypto {
  createHash(algorithm: string): { update(data: Uint8Array): { digest(): Uint8Array } };
  /** One-shot digest (Node 20.12 and later): no Hash object per certificate. */
  hash?(algorithm: string, data: Uint8Array, outputEncoding: "buffer"): Uint8Array;
  createPublicKey(input: { key: Uint8Array; format: "der"; type: "spki" }): NodeKey;
  verify(
    algorithm: string | null,
    data: Uint8Array,
    key: NodeVerifyInput,
    signature: Uint8Array,
  ): boolean;
  verify(
    algorithm: string | null,
    data: Uint8Array,
    key: NodeVerifyInput,
    signature: Uint8Array,
    callback: (error: Error | null, ok: boolean) => void,
  ): void;
}

const builtin = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;

/** Node's crypto, or null in a browser (or a Node.js without getBuiltinModule). */
export const nodeCrypto: NodeCrypto | null =
  builtin && typeof builtin.createHash === "function" ? builtin : null;

const NODE_HASH = { "SHA-1": "sha1", "SHA-256": "sha256" } as const;

/** A digest as upper-case hex with colons (openssl's fingerprint form). */
export async function digestHex(algorithm: "SHA-1" | "SHA-256", data: Uint8Array): Promise<string> {
  if (nodeCrypto?.hash) return toHex(nodeCrypto.hash(NODE_HASH[algorithm], data, "buffer"), ":");
  if (nodeCrypto)
    return toHex(nodeCrypto.createHash(NODE_HASH[algorithm]).update(data).digest(), ":");
  return toHex(await crypto.subtle.digest(algorithm, data as Uint8Array<ArrayBuffer>), ":");
}
