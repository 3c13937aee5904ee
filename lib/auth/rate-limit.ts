import "server-only";
/**
 * Sign-in attempts, limited per user name: failures are S3 objects (shared
 * by every instance); five within fifteen minutes lock the name until the
 * oldest of them ages out.
 */
import { createHash } from "node:crypto";
import { listKeys, putJson } from "./store";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

const prefixFor = (username: string) => `signin-failures/${createHash("sha256").update(username.toLowerCase()).digest("hex").slice(0, 32)}/`;

/** Minutes until the name may try again, or 0. */
export async function lockedForMinutes(username: string, now = Date.now()): Promise<number> {
  const keys = await listKeys(prefixFor(username), 200);
  const recent = keys
    .map((k) => Number(/\/(\d{13})-/.exec(k)?.[1]))
    .filter((t) => Number.isFinite(t) && now - t < WINDOW_MS)
    .sort((a, b) => a - b);
  if (recent.length < MAX_FAILURES) return 0;
  return Math.max(1, Math.ceil((recent[recent.length - MAX_FAILURES]! + WINDOW_MS - now) / 60_000));
}

export async function recordFailure(username: string, now = Date.now()): Promise<void> {
  await putJson(`${prefixFor(username)}${String(now).padStart(13, "0")}-${crypto.randomUUID()}.json`, { at: new Date(now).toISOString() });
}
