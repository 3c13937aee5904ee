import "server-only";
/**
 * Sign-in throttling that holds under bursts and across instances, and
 * that strangers cannot turn against users.
 *
 * Every attempt first writes one small S3 object under four prefixes (its
 * user name from its client address, its client address, its user name
 * from anywhere, and "all"), keyed by time, then counts, per prefix, the
 * objects of the sliding window (listed from the window's start).
 *
 * - Refused *before* the password is verified: a name from one address
 *   over `perName` failures, or an address over `perAddress`. Those are the
 *   attacker's own attempts: a user signing in from elsewhere is not
 *   refused because of them.
 * - Slowed, never refused: a name over `perName` from all addresses
 *   together, and everyone over `global` (which is also logged as an
 *   alarm). A correct password is never refused because of other people's
 *   failures; guessing gets slower the more it is tried.
 *
 * Why a burst cannot get through a refusing limit: an attempt is verified
 * only if its count, taken after its own write, was within the limit; the
 * last of the verified attempts to count saw every verified attempt's
 * object, so no more than the limit are ever verified within one window.
 *
 * Old attempts are removed as new failures come in: the "all" object of an
 * attempt names its siblings, so pruning "all" prunes every prefix.
 */
import { createHash } from "node:crypto";
import type { SignInLimits } from "./config";
import { deleteKey, getJson, listKeys, putJson } from "../records/store";

type Refusing = "name" | "address";
type Slowing = "anyAddress" | "global";
type Scope = Refusing | Slowing;

export interface Attempt {
  keys: string[];
}

export type AttemptVerdict =
  | { allowed: true; attempt: Attempt; delayMs: number; slowedBy?: Slowing }
  | { allowed: false; scope: Refusing; minutes: number };

/** The longest a sign-in waits for other people's failures. */
export const MAX_DELAY_MS = 8_000;

const hash = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);
const stamp = (ms: number) => String(Math.max(0, ms)).padStart(13, "0");

/** Where one attempt's objects go, by scope. */
export function attemptPrefixes(username: string, address: string): Record<Scope, string> {
  const name = username.toLowerCase();
  return {
    name: `signin-attempts/pair/${hash(`${name}\u0000${address}`)}/`,
    address: `signin-attempts/address/${hash(address)}/`,
    anyAddress: `signin-attempts/name/${hash(name)}/`,
    global: "signin-attempts/all/",
  };
}
const timeOf = (key: string) => Number(/\/(\d{13})-[^/]*$/.exec(key)?.[1]);

/** Starts a sign-in attempt: refused when this name from this address, or this address, is over its limit; slowed when the name from everywhere, or everyone, is. */
export async function beginSignInAttempt(
  username: string,
  address: string,
  limits: SignInLimits,
  now = Date.now(),
): Promise<AttemptVerdict> {
  const scopes = attemptPrefixes(username, address);
  const id = `${stamp(now)}-${crypto.randomUUID()}.json`;
  const keys = Object.values(scopes).map((p) => p + id);
  await Promise.all(keys.map((key) => putJson(key, { at: new Date(now).toISOString(), keys })));
  const windowStart = stamp(now - limits.windowMs);
  const limitOf: Record<Scope, number> = {
    name: limits.perName,
    address: limits.perAddress,
    anyAddress: limits.perName,
    global: limits.global,
  };
  // Slowing scopes are counted a little past their limit: how far over decides the delay.
  const counted = await Promise.all(
    (Object.keys(scopes) as Scope[]).map(async (scope) => {
      const inWindow = await listKeys(
        scopes[scope],
        limitOf[scope] + (scope === "name" || scope === "address" ? 1 : 100),
        scopes[scope] + windowStart,
      );
      return { scope, inWindow };
    }),
  );
  const over = counted.find(
    ({ scope, inWindow }) =>
      (scope === "name" || scope === "address") && inWindow.length > limitOf[scope],
  );
  if (over) {
    await Promise.all(keys.map((key) => deleteKey(key).catch(() => undefined)));
    const oldest = Math.min(...over.inWindow.map(timeOf).filter(Number.isFinite));
    const minutes = Math.max(1, Math.ceil((oldest + limits.windowMs - now) / 60_000));
    return { allowed: false, scope: over.scope as Refusing, minutes };
  }
  let delayMs = 0;
  let slowedBy: Slowing | undefined;
  for (const { scope, inWindow } of counted) {
    if (scope !== "anyAddress" && scope !== "global") continue;
    const excess = inWindow.length - limitOf[scope];
    if (excess <= 0) continue;
    if (scope === "global")
      console.warn(
        `[auth] alarm: more than ${limits.global} failed sign-ins on this dashboard within ${Math.round(limits.windowMs / 60_000)} minutes: sign-ins are slowed, never refused for it`,
      );
    const delay = Math.min(MAX_DELAY_MS, 500 * excess);
    if (delay > delayMs) [delayMs, slowedBy] = [delay, scope];
  }
  return { allowed: true, attempt: { keys }, delayMs, ...(slowedBy ? { slowedBy } : {}) };
}

/** The password was right: the attempt does not count. */
export async function signInSucceeded(attempt: Attempt): Promise<void> {
  await Promise.all(attempt.keys.map((key) => deleteKey(key).catch(() => undefined)));
}

/**
 * The password was wrong: the attempt counts. Attempts older than the
 * window go, every prefix of each (up to 50 each time: more than each
 * failure adds), found through "all".
 */
export async function signInFailed(limits: SignInLimits, now = Date.now()): Promise<void> {
  const all = attemptPrefixes("", "").global;
  const old = (await listKeys(all, 50)).filter((key) => timeOf(key) < now - limits.windowMs);
  await Promise.all(
    old.map(async (key) => {
      const siblings = (await getJson<{ keys?: string[] }>(key).catch(() => null))?.value.keys;
      await Promise.all(
        [...(siblings ?? []).filter((k) => k.startsWith("signin-attempts/")), key].map((k) =>
          deleteKey(k).catch(() => undefined),
        ),
      );
    }),
  );
}
