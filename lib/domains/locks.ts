import "server-only";
/**
 * One change at a time per domain, across every instance: a lock object
 * written with S3's conditional put (If-None-Match: *), removed when the
 * change is done. A lock left behind by a crashed instance expires.
 */
import { deleteKey, getJson, putJson } from "../auth/store";
import { DomainError } from "./errors";

const LOCK_TTL_MS = 60_000;

interface Lock {
  owner: string;
  at: string;
  expiresAt: string;
}

export async function withDomainLock<T>(domainName: string, region: string, owner: string, change: () => Promise<T>): Promise<T> {
  const key = `locks/${region}/${domainName.replace(/[^A-Za-z0-9.*_-]/g, "_")}.json`;
  const lock = (): Lock => ({ owner, at: new Date().toISOString(), expiresAt: new Date(Date.now() + LOCK_TTL_MS).toISOString() });
  let taken = (await putJson(key, lock(), { onlyIfAbsent: true })) === "written";
  if (!taken) {
    const holder = await getJson<Lock>(key);
    if (holder && Date.parse(holder.expiresAt) > Date.now()) {
      throw new DomainError("conflict", `${holder.owner} is changing ${domainName} right now (since ${holder.at.slice(11, 19)} UTC). Nothing was changed: wait a moment, reload and try again.`, {
        changedBy: holder.owner,
        at: holder.at,
      });
    }
    // Expired (or vanished): take it over.
    await deleteKey(key);
    taken = (await putJson(key, lock(), { onlyIfAbsent: true })) === "written";
    if (!taken) throw new DomainError("conflict", `Someone else started changing ${domainName} at this very moment. Nothing was changed: reload and try again.`);
  }
  try {
    return await change();
  } finally {
    await deleteKey(key).catch((error) => console.error(`[lock] could not release ${key}:`, (error as Error).message));
  }
}
