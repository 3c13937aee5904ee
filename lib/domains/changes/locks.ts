import "server-only";
/**
 * One change at a time per domain, across every instance: a lock object
 * in the audit bucket, held as a lease.
 *
 * - Taken with a conditional put (If-None-Match: *); an expired lease is
 *   taken over with a put conditional on the ETag that was read (If-Match),
 *   so when two instances race for it, one wins.
 * - Every AWS call of the change runs under the lease's deadline
 *   (lib/aws/deadline.ts): no call, nor any retry of one, outlives it.
 * - A write goes through `lease.write`: the lease is confirmed (and
 *   renewed) before it, and checked after it. A write that got no answer,
 *   or whose answer came after the lease ended, is "in doubt": it may still
 *   land. Its lock is then kept, marked, for a whole lease from then, so no
 *   other change can race the late write, and the change says so.
 * - Released with a delete conditional on the holder's own ETag (tried
 *   three times, then again later), so a former holder never removes a
 *   new holder's lock.
 */
import { withDeadline, withoutDeadline } from "../../aws/deadline";
import { AwsFailure } from "../../aws/errors";
import { putJson, retried } from "../../records/store";
import { DomainError } from "../shared/errors";
import {
  busy,
  dropLock,
  lockBody,
  lockKey,
  readLock,
  releaseFailed,
  releasedHere,
  type LockBody,
} from "./lock-state";

export { lockKey } from "./lock-state";

export const LOCK_LEASE_MS = 5 * 60_000;

/** The lease in force: MTLS_CONSOLE_LOCK_LEASE_MS (at least 5 s) where set, for tests of faults. */
export function leaseMs(env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.MTLS_CONSOLE_LOCK_LEASE_MS);
  return Number.isFinite(asked) && asked >= 5_000 ? asked : LOCK_LEASE_MS;
}

/**
 * Calls end this long before the lease does: time to mark a write in doubt
 * (a store call of its own) before anyone else may take the lock.
 */
const marginMs = (lease: number) => Math.min(30_000, lease / 10);

export interface Lease {
  /** Confirms the lock is still ours and unexpired, and renews it; throws a DomainError if not. */
  confirm(): Promise<void>;
  /**
   * One AWS write: the lease is confirmed before it and checked after it.
   * A write with no answer, or an answer after the lease, throws "in-doubt".
   */
  write<T>(what: string, call: () => Promise<T>): Promise<T>;
}

/**
 * The ETag of the lock when it is this very body (a conditional write that
 * landed but whose answer was lost, then retried by the SDK into a 412).
 */
async function ifOurs(key: string, body: LockBody): Promise<string | null> {
  const now = await readLock(key);
  return now?.value.nonce === body.nonce ? now.etag : null;
}

async function take(key: string, domainName: string, body: LockBody): Promise<string> {
  const fresh = await putJson(key, body, { onlyIfAbsent: true });
  if (fresh.written) return fresh.etag;
  const holder = await readLock(key);
  if (holder?.value.nonce === body.nonce) return holder.etag;
  const raced = () =>
    new DomainError(
      "conflict",
      `Someone else started changing ${domainName} at this very moment. Nothing was changed: reload and try again.`,
    );
  if (!holder) {
    // Released between our put and our read: one more try, conditional as before.
    const again = await putJson(key, body, { onlyIfAbsent: true });
    if (again.written) return again.etag;
    return (await ifOurs(key, body)) ?? Promise.reject(raced());
  }
  if (!holder.value.releasedAt && Date.parse(holder.value.expiresAt) > Date.now())
    throw busy(domainName, key, holder.value);
  // Expired: take it over only if nobody else did since we read it.
  const takeover = await putJson(key, body, { ifMatch: holder.etag });
  if (takeover.written) return takeover.etag;
  return (await ifOurs(key, body)) ?? Promise.reject(raced());
}

/** Releases the lock (tried three times); if the store refuses, again every 30 s until the lease ends. */
async function release(key: string, held: { etag: string; body: LockBody }): Promise<void> {
  try {
    await retried(() => dropLock(key, held.etag, held.body));
    releasedHere(key);
  } catch (error) {
    console.error(`[lock] could not release ${key}:`, (error as Error).message);
    releaseFailed(key, held.body.nonce);
    // Meanwhile the page says the holder is gone and when the lock frees.
    if (Date.now() + 30_000 < Date.parse(held.body.expiresAt))
      setTimeout(() => void release(key, held), 30_000).unref();
  }
}

export async function withDomainLock<T>(
  domainName: string,
  region: string,
  owner: string,
  change: (lease: Lease) => Promise<T>,
  options: { leaseMs?: number; action?: string } = {},
): Promise<T> {
  const lease = options.leaseMs ?? leaseMs();
  const key = lockKey(domainName, region);
  const first = lockBody(owner, Date.now(), lease, options.action);
  // Taking the lock is not part of any outer change's deadline.
  let held = { etag: await withoutDeadline(() => take(key, domainName, first)), body: first };
  let inDoubt = false;
  const expiresAt = () => Date.parse(held.body.expiresAt);
  let wrote = false;
  const lost = () =>
    wrote
      ? new DomainError(
          "partial",
          `This change took longer than its lock on ${domainName} allows, so it was stopped part-way: its earlier steps were made, the next one was not. The domain page shows it until an operator resolves it.`,
        )
      : new DomainError(
          "lock-lost",
          `This change took longer than its lock on ${domainName} allows, so it was stopped before changing the domain. Nothing was changed by it: reload and try again.`,
        );
  const doubt = async (what: string, why: string): Promise<never> => {
    inDoubt = true;
    // A fresh lease from now: the late write has a whole lease to land before anyone acts again.
    const now = Date.now();
    const marked: LockBody = {
      ...held.body,
      expiresAt: new Date(now + lease).toISOString(),
      nonce: crypto.randomUUID(),
      inDoubt: { what, at: new Date(now).toISOString() },
    };
    const kept = await withoutDeadline(() => putJson(key, marked, { ifMatch: held.etag })).catch(
      () => ({ written: false as const }),
    );
    if (kept.written) held = { etag: kept.etag, body: marked };
    throw new DomainError(
      "in-doubt",
      `${what} is in doubt: ${why} It may still be carried out. Nothing else will change ${domainName} until ${held.body.expiresAt.slice(11, 19)} UTC; then check the domain's state on its page before changing it again.`,
      { lockExpiresAt: held.body.expiresAt },
    );
  };
  const handle: Lease = {
    async confirm() {
      const now = Date.now();
      if (now >= expiresAt() - marginMs(lease)) throw lost();
      const next = lockBody(owner, now, lease, options.action, held.body.at);
      const renewed = await putJson(key, next, { ifMatch: held.etag });
      const etag = renewed.written ? renewed.etag : await ifOurs(key, next);
      if (!etag) throw lost();
      held = { etag, body: next };
    },
    async write(what, call) {
      await handle.confirm();
      let out: Awaited<ReturnType<typeof call>>;
      try {
        wrote = true;
        out = await call();
      } catch (error) {
        if (error instanceof AwsFailure && error.mayHaveLanded)
          return doubt(
            what,
            error.answered
              ? "AWS refused it only on a retry, after an earlier try got no answer and may have been carried out."
              : "AWS did not answer before the change's deadline.",
          );
        throw error;
      }
      if (Date.now() >= expiresAt())
        return doubt(what, "AWS answered only after this change's lock had expired.");
      return out;
    },
  };
  try {
    return await withDeadline(
      () => expiresAt() - marginMs(lease),
      () => change(handle),
    );
  } finally {
    if (!inDoubt) await withoutDeadline(() => release(key, held));
  }
}
