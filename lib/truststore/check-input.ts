/**
 * What a person dropped, picked or pasted, checked as a truststore: a file
 * over API Gateway's 1 MB quota is refused before it is read (bytes: null);
 * otherwise its bytes come back with the report, for the page to keep.
 * Pages load it (and the engine) when the first file comes, not before.
 */
import { checkTruststore } from "./check";
import { MAX_TRUSTSTORE_BYTES, type TruststoreReport } from "./types";

export async function checkInput(
  input: string | Blob,
): Promise<{ report: TruststoreReport; bytes: Uint8Array | null }> {
  if (typeof input !== "string" && input.size > MAX_TRUSTSTORE_BYTES)
    return { report: await checkTruststore(new Uint8Array(input.size)), bytes: null };
  const bytes =
    typeof input === "string"
      ? new TextEncoder().encode(input)
      : new Uint8Array(await input.arrayBuffer());
  return { report: await checkTruststore(bytes), bytes };
}
