import "server-only";
/**
 * What the backend can do. Real AWS and the mTLS Console emulator support
 * everything; LocalStack (and the emulator in --compat localstack) drops
 * mutualTlsAuthentication and cannot run UpdateDomainName.
 */
import { getBackend } from "./config";

export interface Capabilities {
  backend: "aws" | "emulator" | "localstack" | "unknown-endpoint";
  mtlsFields: boolean;
  updateDomainName: boolean;
}

const FULL: Capabilities = { backend: "aws", mtlsFields: true, updateDomainName: true };
const LOCALSTACK: Capabilities = {
  backend: "localstack",
  mtlsFields: false,
  updateDomainName: false,
};

async function probe(endpoint: string): Promise<Capabilities> {
  const get = async (path: string) => {
    try {
      const res = await fetch(new URL(path, endpoint), { signal: AbortSignal.timeout(2_000) });
      return res.ok ? ((await res.json()) as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  const emulator = await get("/_emulator/health");
  if (emulator)
    return emulator.compat === "localstack" ? LOCALSTACK : { ...FULL, backend: "emulator" };
  if (await get("/_localstack/health")) return LOCALSTACK;
  return { backend: "unknown-endpoint", mtlsFields: true, updateDomainName: true };
}

/**
 * Asked on every page render that needs it: only a custom endpoint (always
 * local, or LocalStack) is probed, and a backend can change under a running
 * app (an emulator restarted in another mode).
 */
export async function getCapabilities(): Promise<Capabilities> {
  const backend = await getBackend();
  return backend.endpoint ? probe(backend.endpoint) : FULL;
}
