import "server-only";
/**
 * What the domain page says about changes that are not finished: the
 * domain's change lock (who, since, when it frees, whether its holder is
 * gone) and every change in doubt (an intent without an outcome) beside the
 * domain's real state. Breaking a lock and resolving a change in doubt are
 * operators' changes, audited by their actions.
 */
import { VERSION_CHANGES, type AuditEvent } from "../../records/audit";
import { findIntent, openIntents, type Intent } from "../../records/intents";
import { getDomainName } from "../../aws/api-gateway";
import { DomainError } from "../shared/errors";
import { dropLock, holderGone, lockKey, lockSentence, readLock, type LockBody } from "./lock-state";

export interface LockView {
  owner: string;
  since: string;
  expiresAt: string;
  action?: string;
  expired: boolean;
  /** Kept for a write in doubt. */
  inDoubt: boolean;
  gone: "release-failed" | "process-ended" | null;
  /** An operator may break it: its lease has ended, or its holder is known gone with nothing in flight. */
  breakable: boolean;
  sentence: string;
  /** Identifies this very lock, so a break never removes a newer one. */
  nonce: string;
}

export interface InDoubtView extends Intent {
  /** The version the domain is at now ("" for none), or null when mTLS is off or unknown. */
  actualVersion: string | null;
  /** Whether the domain's state now shows the change as made. */
  landed: "yes" | "no" | "unknown";
  /** Still being made: its change holds the domain's lock now (not in doubt, nothing to resolve). */
  running: boolean;
}

function lockView(domainName: string, key: string, lock: LockBody): LockView {
  const expired = Date.parse(lock.expiresAt) <= Date.now();
  const gone = holderGone(key, lock);
  return {
    owner: lock.owner,
    since: lock.at,
    expiresAt: lock.expiresAt,
    ...(lock.action ? { action: lock.action } : {}),
    expired,
    inDoubt: !!lock.inDoubt,
    gone,
    breakable: expired || (gone === "release-failed" && !lock.inDoubt),
    sentence: expired
      ? `A lock left by ${lock.owner}'s change (since ${lock.at.slice(11, 19)} UTC) expired at ${lock.expiresAt.slice(11, 19)} UTC: the next change takes it over.`
      : lockSentence(domainName, lock, gone),
    nonce: lock.nonce,
  };
}

export async function readLockView(domainName: string, region: string): Promise<LockView | null> {
  const key = lockKey(domainName, region);
  const lock = await readLock(key);
  return lock && !lock.value.releasedAt ? lockView(domainName, key, lock.value) : null;
}

/** The newest recorded change of the version, when the domain is not where it left it. */
export interface Drift {
  event: AuditEvent;
  actualVersion: string | null;
}

/**
 * The newest record that says where the domain should be: a successful
 * change (drift when the domain is elsewhere now), a change in doubt that
 * landed, or an operator's resolution (which reconciled the two).
 */
export function driftOf(history: AuditEvent[], actualVersion: string | null): Drift | null {
  const left = (e: AuditEvent) => (e.action === "disable-mutual-tls" ? null : (e.toVersion ?? ""));
  for (const e of history) {
    if (e.action === "resolve-change-in-doubt" && e.result === "resolved") return null;
    if (!VERSION_CHANGES.has(e.action)) continue;
    if (e.result === "in-doubt" && left(e) === actualVersion) return null;
    if (e.result !== "success") continue;
    return left(e) === actualVersion ? null : { event: e, actualVersion };
  }
  return null;
}

function landed(intent: Intent, actual: string | null): InDoubtView["landed"] {
  const disables = intent.action === "disable-mutual-tls";
  // mTLS still off: an enable did not land; other changes cannot tell (null is "unknown" too).
  if (actual === null)
    return disables ? "yes" : intent.action === "enable-mutual-tls" ? "no" : "unknown";
  if (disables) return "no";
  if (intent.toVersion === undefined) return "unknown";
  return actual === intent.toVersion ? "yes" : "no";
}

/** A change in doubt judged again beside the version the domain is at now. */
export const judgedAt = (view: InDoubtView, actualVersion: string | null): InDoubtView => ({
  ...view,
  actualVersion,
  landed: landed(view, actualVersion),
});

/** The domain's changes in doubt, each beside the version the domain is at now. */
export async function inDoubtChanges(
  domainName: string,
  region: string,
  actualVersion: string | null,
  lock: LockView | null,
): Promise<InDoubtView[]> {
  return (await openIntents(domainName, region)).map((i) => ({
    ...i,
    actualVersion,
    landed: landed(i, actualVersion),
    running: runs(i, lock),
  }));
}

/** The intent belongs to the change that holds the lock now, and that change is not in doubt. */
const runs = (intent: Intent, lock: LockView | null) =>
  !!lock &&
  !lock.expired &&
  !lock.inDoubt &&
  lock.owner === intent.user &&
  Date.parse(intent.at) >= Date.parse(lock.since);

/** Breaks a lock whose lease has ended (or whose holder is known gone), only the very lock the page showed. */
export async function breakLock(ref: {
  domainName: string;
  region: string;
  nonce: string;
}): Promise<{ owner: string; since: string; expiresAt: string }> {
  const key = lockKey(ref.domainName, ref.region);
  const lock = await readLock(key);
  if (!lock || lock.value.nonce !== ref.nonce)
    throw new DomainError(
      "conflict",
      `The lock on ${ref.domainName} changed since this page was loaded (it was released or taken again). Nothing was changed: reload.`,
    );
  const view = lockView(ref.domainName, key, lock.value);
  if (!view.breakable)
    throw new DomainError(
      "conflict",
      `${view.sentence} It can be broken only once its lease has ended. Nothing was changed.`,
    );
  if (!(await dropLock(key, lock.etag, lock.value)))
    throw new DomainError(
      "conflict",
      `The lock on ${ref.domainName} changed while it was being broken. Nothing was changed: reload.`,
    );
  return { owner: view.owner, since: view.since, expiresAt: view.expiresAt };
}

/** Settles a change in doubt: the operator has seen the domain's real state. The audit record names it. */
export async function resolveInDoubt(ref: {
  domainName: string;
  region: string;
  intentId: string;
}): Promise<{ intent: Intent; actualVersion: string | null }> {
  const intent = await findIntent(ref.domainName, ref.region, ref.intentId);
  if (!intent)
    throw new DomainError(
      "not-found",
      "That change in doubt is not open any more (someone resolved it). Reload.",
    );
  const lock = await readLockView(ref.domainName, ref.region);
  if (lock && !lock.expired)
    throw new DomainError(
      "conflict",
      lock.inDoubt
        ? `A write of this change may still land until ${lock.expiresAt.slice(11, 19)} UTC. Resolve it after that, from the domain's state then.`
        : `${lock.owner} holds the lock on ${ref.domainName} until ${lock.expiresAt.slice(11, 19)} UTC at the latest: a change may be under way. Resolve this after that, from the domain's state then.`,
    );
  const domain = await getDomainName(ref.domainName, ref.region);
  const actualVersion = domain?.mtls ? (domain.mtls.truststoreVersion ?? "") : null;
  return { intent, actualVersion };
}
