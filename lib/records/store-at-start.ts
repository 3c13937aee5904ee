import "server-only";
/**
 * At start, outside the demo: the console will not run on a store it cannot
 * use. Its settings are checked at once (AUDIT_BUCKET, AUDIT_BUCKET_OWNER,
 * the fleet's accounts file: wrong ones stop the start); then the bucket is
 * reached and a record written, read back and removed, again every 5 s
 * while it fails (`/api/ready` answers 503 meanwhile), and if it still fails
 * after MTLS_CONSOLE_STORE_WAIT_MS (60 s) the process exits 1, naming the
 * fault, so a deployment with a wrong bucket fails at once, not at the
 * first change.
 */
import { fleetAccounts } from "../aws/accounts";
import { probeStoreWrite } from "./readiness";
import { storeLocation, storeSettings } from "./store";

const RETRY_MS = 5_000;

const DEFAULT_WAIT_MS = 60_000;

/** MTLS_CONSOLE_STORE_WAIT_MS as whole milliseconds (0 to 1 hour); anything else: 60 s, said once. */
export function storeWaitMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MTLS_CONSOLE_STORE_WAIT_MS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_WAIT_MS;
  const ms = Number(raw);
  if (Number.isInteger(ms) && ms >= 0 && ms <= 3_600_000) return ms;
  console.warn(
    `[store] MTLS_CONSOLE_STORE_WAIT_MS is whole milliseconds from 0 to 3600000, not "${raw}": waiting ${DEFAULT_WAIT_MS} ms`,
  );
  return DEFAULT_WAIT_MS;
}

/** The settings' faults, thrown now (the caller stops the start). */
export function checkStoreSettings(): void {
  storeSettings();
  fleetAccounts();
}

/** Resolves true once the store is usable, false when `waitMs` passed without. */
export async function awaitUsableStore(
  waitMs: number,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await storeLocation();
      await probeStoreWrite();
      if (attempt > 1) console.log(`[store] usable after ${attempt} tries`);
      return true;
    } catch (error) {
      const left = until - Date.now();
      console.error(
        `[store] not usable (try ${attempt}): ${(error as Error).message}${left > 0 ? `; trying again for ${Math.ceil(left / 1000)} s` : ""}`,
      );
      if (left <= 0) return false;
      await sleep(Math.max(1, Math.min(RETRY_MS, left)));
    }
  }
}
