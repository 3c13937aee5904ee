import "server-only";
/**
 * A domain's change lock as data: its object in the store, who holds it,
 * whether that holder is known to be gone, and the words for each case.
 * Taking and releasing it is ./locks.ts.
 */
import { hostname } from "node:os";
import { AwsFailure } from "../../aws/errors";
import { deleteKey, getJson, putJson } from "../../records/store";
import { DomainError } from "../shared/errors";

export interface LockBody {
  owner: string;
  /** When the change took the lock. */
  at: string;
  expiresAt: string;
  /** Makes every lock body (so its ETag) unique. */
  nonce: string;
  /** Released in place (a store that cannot delete conditionally): no lock at all. */
  releasedAt?: string;
  /** The action that holds it, for the page. */
  action?: string;
  /** The process that holds it: tells a lock left behind from one still in use. */
  instance?: string;
  host?: string;
  pid?: number;
  /** Set when a write of the change is in doubt: the lock is kept until it expires. */
  inDoubt?: { what: string; at: string };
}

const globalForLocks = globalThis as unknown as { __mtlsConsoleInstance?: string };
/** This server process, for its locks (kept across dev-mode reloads). */
const INSTANCE = (globalForLocks.__mtlsConsoleInstance ??= crypto.randomUUID());

/** Locks this process could not release (key → that very lock's nonce), until it does. */
const unreleased = new Map<string, string>();

export const releasedHere = (key: string) => unreleased.delete(key);
export const releaseFailed = (key: string, nonce: string) => unreleased.set(key, nonce);

export const lockKey = (domainName: string, region: string) =>
  `locks/${region}/${domainName.replace(/[^A-Za-z0-9.*_-]/g, "_")}.json`;

export function lockBody(
  owner: string,
  now: number,
  leaseMs: number,
  action?: string,
  since?: string,
): LockBody {
  return {
    owner,
    at: since ?? new Date(now).toISOString(),
    expiresAt: new Date(now + leaseMs).toISOString(),
    nonce: crypto.randomUUID(),
    ...(action ? { action } : {}),
    instance: INSTANCE,
    host: hostname(),
    pid: process.pid,
  };
}

export async function readLock(key: string): Promise<{ value: LockBody; etag: string } | null> {
  return getJson<LockBody>(key);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export type HolderGone = "release-failed" | "process-ended" | null;

/** Why the holder of the lock at `key` is known to be gone, or null when it may still be working. */
export function holderGone(key: string, lock: LockBody): HolderGone {
  if (lock.instance === INSTANCE && unreleased.get(key) === lock.nonce) return "release-failed";
  if (lock.host === hostname() && lock.pid && lock.instance !== INSTANCE && !processAlive(lock.pid))
    return "process-ended";
  return null;
}

const hms = (iso: string) => `${iso.slice(11, 19)} UTC`;

/** What a held lock means, in words for the page and for a refused change. */
export function lockSentence(domainName: string, lock: LockBody, gone: HolderGone): string {
  const frees = `It frees at ${hms(lock.expiresAt)} at the latest.`;
  if (lock.inDoubt)
    return `A change by ${lock.owner} (${lock.inDoubt.what}, at ${hms(lock.inDoubt.at)}) is in doubt: AWS did not confirm it, and it may still be carried out. The lock on ${domainName} is kept until ${hms(lock.expiresAt)} so that no other change races it.`;
  if (gone === "release-failed")
    return `${lock.owner}'s change of ${domainName} (since ${hms(lock.at)}) has ended, but its lock could not be released (the audit bucket did not answer); it is tried again. ${frees}`;
  if (gone === "process-ended")
    return `${lock.owner}'s change of ${domainName} (since ${hms(lock.at)}) was cut off: the server process that made it has ended. A call it sent may still land, so the lock is kept. ${frees}`;
  return `${lock.owner} is changing ${domainName} right now (since ${hms(lock.at)}${lock.action ? `, ${lock.action}` : ""}). ${frees}`;
}

export function busy(domainName: string, key: string, holder: LockBody): DomainError {
  return new DomainError(
    "conflict",
    `${lockSentence(domainName, holder, holderGone(key, holder))} Nothing was changed: wait, reload and try again.`,
    { changedBy: holder.owner, at: holder.at, lockExpiresAt: holder.expiresAt },
  );
}

/**
 * Deletes the lock while it still has this ETag; false when it has another.
 * Where the store cannot delete conditionally (HTTP 501: LocalStack), the
 * lock is expired in place by a write conditional on the same ETag instead:
 * the next change takes it over.
 */
export async function dropLock(key: string, etag: string, body: LockBody): Promise<boolean> {
  try {
    return await deleteKey(key, { ifMatch: etag });
  } catch (error) {
    if (!(error instanceof AwsFailure && error.status === 501)) throw error;
    const now = new Date().toISOString();
    const released: LockBody = { ...body, expiresAt: now, releasedAt: now };
    return (await putJson(key, released, { ifMatch: etag })).written;
  }
}
