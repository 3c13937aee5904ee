import "server-only";
/**
 * Sign-in throttling that holds under bursts and across instances.
 *
 * Every attempt first writes one small S3 object under three prefixes (its
 * user name, its client address, and "all"), keyed by time, and then counts,
 * per prefix, the objects of the sliding window (listed from the window's
 * start, so old objects are never read). Over any limit: the attempt deletes
 * its own objects and is refused *before* the password is verified. Within
 * the limits: the password is verified; a success deletes the attempt's
 * objects, a failure leaves them to count.
 *
 * Why a burst cannot get through: an attempt is verified only if its count,
 * taken after its own write, was within the limit; the last of the verified
 * attempts to count saw every verified attempt's object, so no more than
 * the limit are ever verified within one window.
 *
 * Objects older than the window are removed as new failures come in.
 */
import { createHash } from "node:crypto";
import type { SignInLimits } from "./config";
import { deleteKey, listKeys, putJson } from "./store";

type Scope = "name" | "address" | "global";

export interface Attempt {
  keys: string[];
}

export type AttemptVerdict =
  { allowed: true; attempt: Attempt } | { allowed: false; scope: Scope; minutes: number };

const hash = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);
const stamp = (ms: number) => String(Math.max(0, ms)).padStart(13, "0");
const prefixes = (username: string, address: string): Record<Scope, string> => ({
  name: `signin-attempts/name/${hash(username.toLowerCase())}/`,
  address: `signin-attempts/address/${hash(address)}/`,
  global: "signin-attempts/all/",
});
const timeOf = (key: string) => Number(/\/(\d{13})-[^/]*$/.exec(key)?.[1]);

/** Starts a sign-in attempt; refused when the name, the address or everyone is over the limit. */
export async function beginSignInAttempt(
  username: string,
  address: string,
  limits: SignInLimits,
  now = Date.now(),
): Promise<AttemptVerdict> {
  const scopes = prefixes(username, address);
  const id = `${stamp(now)}-${crypto.randomUUID()}.json`;
  const keys = Object.values(scopes).map((p) => p + id);
  await Promise.all(keys.map((key) => putJson(key, { at: new Date(now).toISOString() })));
  const windowStart = stamp(now - limits.windowMs);
  const limitOf: Record<Scope, number> = {
    name: limits.perName,
    address: limits.perAddress,
    global: limits.global,
  };
  const counted = await Promise.all(
    (Object.keys(scopes) as Scope[]).map(async (scope) => {
      const inWindow = await listKeys(
        scopes[scope],
        limitOf[scope] + 1,
        scopes[scope] + windowStart,
      );
      return { scope, inWindow };
    }),
  );
  const over = counted.find(({ scope, inWindow }) => inWindow.length > limitOf[scope]);
  if (!over) return { allowed: true, attempt: { keys } };
  await Promise.all(keys.map((key) => deleteKey(key).catch(() => undefined)));
  const oldest = Math.min(...over.inWindow.map(timeOf).filter(Number.isFinite));
  const minutes = Math.max(1, Math.ceil((oldest + limits.windowMs - now) / 60_000));
  return { allowed: false, scope: over.scope, minutes };
}

/** The password was right: the attempt does not count. */
export async function signInSucceeded(attempt: Attempt): Promise<void> {
  await Promise.all(attempt.keys.map((key) => deleteKey(key).catch(() => undefined)));
}

/**
 * The password was wrong: the attempt counts. Objects older than the window
 * under its prefixes go (up to 50 each time: more than each failure adds).
 */
export async function signInFailed(
  username: string,
  address: string,
  limits: SignInLimits,
  now = Date.now(),
): Promise<void> {
  await Promise.all(
    Object.values(prefixes(username, address)).map(async (prefix) => {
      const old = (await listKeys(prefix, 50)).filter((key) => timeOf(key) < now - limits.windowMs);
      await Promise.all(old.map((key) => deleteKey(key).catch(() => undefined)));
    }),
  );
}
