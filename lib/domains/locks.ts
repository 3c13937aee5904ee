import "server-only";
/**
 * One change at a time per domain, across every instance: a lock object
 * in the audit bucket, held as a lease.
 *
 * - Taken with a conditional put (If-None-Match: *).
 * - An expired lease is taken over with a put conditional on the ETag that
 *   was read (If-Match), so when two instances race for it, one wins.
 * - Released with a delete conditional on the holder's own ETag, so a
 *   former holder never removes a new holder's lock.
 * - The lease (LOCK_LEASE_MS) outlives the slowest change: every SDK call
 *   gives up after REQUEST_TIMEOUT_MS and is tried at most 3 times, and a
 *   change makes at most 6 calls between taking (or renewing) the lock and
 *   its next renewal. Before its final AWS call a change
 *   confirms it still holds the lock (`lease.confirm()`, a conditional put
 *   that also renews it); a change that outlived its lease is refused there.
 */
import { deleteKey, getJson, putJson } from "../auth/store";
import { DomainError } from "./errors";

export const LOCK_LEASE_MS = 5 * 60_000;

interface LockBody {
  owner: string;
  at: string;
  expiresAt: string;
  /** Makes every lock body (so its ETag) unique. */
  nonce: string;
}

export interface Lease {
  /** Confirms the lock is still ours and unexpired, and renews it; throws a DomainError if not. */
  confirm(): Promise<void>;
}

export const lockKey = (domainName: string, region: string) =>
  `locks/${region}/${domainName.replace(/[^A-Za-z0-9.*_-]/g, "_")}.json`;

function body(owner: string, at: number, leaseMs: number): LockBody {
  return {
    owner,
    at: new Date(at).toISOString(),
    expiresAt: new Date(at + leaseMs).toISOString(),
    nonce: crypto.randomUUID(),
  };
}

function busy(domainName: string, holder: LockBody): DomainError {
  return new DomainError(
    "conflict",
    `${holder.owner} is changing ${domainName} right now (since ${holder.at.slice(11, 19)} UTC). Nothing was changed: wait a moment, reload and try again.`,
    { changedBy: holder.owner, at: holder.at },
  );
}

async function take(
  key: string,
  domainName: string,
  owner: string,
  leaseMs: number,
): Promise<{ etag: string; expiresAt: number }> {
  const now = Date.now();
  const mine = body(owner, now, leaseMs);
  const fresh = await putJson(key, mine, { onlyIfAbsent: true });
  if (fresh.written) return { etag: fresh.etag, expiresAt: now + leaseMs };
  const holder = await getJson<LockBody>(key);
  if (!holder) {
    // Released between our put and our read: one more try, conditional as before.
    const again = await putJson(key, mine, { onlyIfAbsent: true });
    if (again.written) return { etag: again.etag, expiresAt: now + leaseMs };
    throw new DomainError(
      "conflict",
      `Someone else started changing ${domainName} at this very moment. Nothing was changed: reload and try again.`,
    );
  }
  if (Date.parse(holder.value.expiresAt) > now) throw busy(domainName, holder.value);
  // Expired: take it over only if nobody else did since we read it.
  const takeover = await putJson(key, mine, { ifMatch: holder.etag });
  if (!takeover.written) {
    throw new DomainError(
      "conflict",
      `Someone else started changing ${domainName} at this very moment. Nothing was changed: reload and try again.`,
    );
  }
  return { etag: takeover.etag, expiresAt: now + leaseMs };
}

export async function withDomainLock<T>(
  domainName: string,
  region: string,
  owner: string,
  change: (lease: Lease) => Promise<T>,
  options: { leaseMs?: number } = {},
): Promise<T> {
  const leaseMs = options.leaseMs ?? LOCK_LEASE_MS;
  const key = lockKey(domainName, region);
  let held = await take(key, domainName, owner, leaseMs);
  const lost = () =>
    new DomainError(
      "lock-lost",
      `This change took longer than its lock on ${domainName} allows, so it was stopped before changing the domain. Nothing was changed by it: reload and try again.`,
    );
  const lease: Lease = {
    async confirm() {
      const now = Date.now();
      if (now >= held.expiresAt) throw lost();
      const renewed = await putJson(key, body(owner, now, leaseMs), { ifMatch: held.etag });
      if (!renewed.written) throw lost();
      held = { etag: renewed.etag, expiresAt: now + leaseMs };
    },
  };
  try {
    return await change(lease);
  } finally {
    await deleteKey(key, { ifMatch: held.etag }).catch((error) =>
      console.error(`[lock] could not release ${key}:`, (error as Error).message),
    );
  }
}
