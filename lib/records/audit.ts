import "server-only";
/**
 * The audit trail: one S3 object per change (who, when, domain, action,
 * from version → to version, result, AWS request id), chained per domain
 * (./audit-chain.ts), and, apart from them, one per refused attempt. Keys
 * sort newest first, so a domain's history is one listing away, and no
 * number of refusals can push a change out of sight.
 */
import { createHash } from "node:crypto";
import { keySegment } from "../model/place";
import { chained, verifyDomainTrail, type ChainReport } from "./audit-chain";
import { getJson, listEntries, listKeys, putJson, retried } from "./store";
import type { AuditEvent } from "./audit-types";

export type { AuditEvent, AuditResult } from "./audit-types";
export type { ChainReport } from "./audit-chain";

const MAX_TIME = 9_999_999_999_999;
const changesPrefix = (region: string, domainName: string) =>
  `events/${keySegment(region)}/${keySegment(domainName)}/`;
const refusalsPrefix = (region: string, domainName: string) =>
  `refusals/${keySegment(region)}/${keySegment(domainName)}/`;

/** Writes one record; tried up to `attempts` times (the SDK retries each try too). A change joins its domain's chain. */
export async function recordAuditEvent(
  event: Omit<AuditEvent, "id" | "at"> & { at?: Date },
  attempts = 3,
): Promise<AuditEvent> {
  const at = event.at ?? new Date();
  const full: AuditEvent = { ...event, id: crypto.randomUUID(), at: at.toISOString() };
  const inverted = String(MAX_TIME - at.getTime()).padStart(13, "0");
  const name = `${inverted}-${full.id}.json`;
  if (full.result === "refused") {
    await retried(
      () => putJson(`${refusalsPrefix(full.region, full.domainName)}${name}`, full),
      attempts,
    );
    return full;
  }
  return retried(
    () =>
      chained(full, (linked) =>
        retried(() => putJson(`${changesPrefix(full.region, full.domainName)}${name}`, linked)),
      ),
    attempts,
  );
}

/** Refused attempts recorded per user and minute, at most, across every instance (the rest are only logged). */
export const REFUSALS_PER_MINUTE = 30;

/** May one more refused attempt of this user be recorded now? Counted in the store, so every instance shares it. */
export async function refusalMayBeRecorded(user: string, now = Date.now()): Promise<boolean> {
  const prefix = `refusal-marks/${createHash("sha256").update(user).digest("hex").slice(0, 32)}/`;
  const stamp = (ms: number) => String(ms).padStart(13, "0");
  const recent = await listKeys(prefix, REFUSALS_PER_MINUTE + 1, prefix + stamp(now - 60_000));
  if (recent.length >= REFUSALS_PER_MINUTE) return false;
  await putJson(`${prefix}${stamp(now)}-${crypto.randomUUID()}.json`, {});
  return true;
}

const MAX_CACHED_EVENTS = 5_000;
const eventCache = new Map<string, AuditEvent>();

/**
 * One record, cached by key and ETag: records are never rewritten by the
 * console, and one rewritten in the store (a changed ETag in the listing)
 * is read again, so the chain check sees it.
 */
async function readRecord({
  key,
  etag,
}: {
  key: string;
  etag: string;
}): Promise<AuditEvent | null> {
  const id = `${key}#${etag}`;
  const cached = eventCache.get(id);
  if (cached) return cached;
  const event = (await getJson<AuditEvent>(key))?.value ?? null;
  if (event) {
    eventCache.set(id, event);
    if (eventCache.size > MAX_CACHED_EVENTS) eventCache.delete(eventCache.keys().next().value!);
  }
  return event;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Where the next (older) page starts, when there is one. */
  next?: string;
}

async function page(prefix: string, limit: number, after?: string): Promise<AuditPage> {
  const start = after && /^\d{13}-[0-9a-f-]{36}\.json$/.test(after) ? prefix + after : undefined;
  const entries = await listEntries(prefix, limit + 1, start);
  const shown = entries.slice(0, limit);
  const events = (await Promise.all(shown.map(readRecord))).filter(
    (e): e is AuditEvent => e !== null,
  );
  return {
    events,
    ...(entries.length > limit ? { next: shown.at(-1)!.key.slice(prefix.length) } : {}),
  };
}

/** A page of a domain's changes, newest first; `after`: the `next` of the page before. */
export function listAuditPage(
  domainName: string,
  region: string,
  limit = 50,
  after?: string,
): Promise<AuditPage> {
  return page(changesPrefix(region, domainName), limit, after);
}

/** A domain's changes, newest first. */
export async function listAuditEvents(
  domainName: string,
  region: string,
  limit = 50,
): Promise<AuditEvent[]> {
  return (await listAuditPage(domainName, region, limit)).events;
}

/** A domain's refused attempts, newest first. */
export async function listRefusals(
  domainName: string,
  region: string,
  limit = 20,
): Promise<AuditEvent[]> {
  return (await page(refusalsPrefix(region, domainName), limit)).events;
}

/** Whether a domain's chain of changes is whole (every record read). */
export function verifyAuditTrail(domainName: string, region: string): Promise<ChainReport> {
  return verifyDomainTrail(region, domainName, readRecord, changesPrefix(region, domainName));
}

/** The actions that set a domain's truststore version. */
export const VERSION_CHANGES: ReadonlySet<string> = new Set([
  "activate-truststore-version",
  "upload-truststore-version",
  "disable-mutual-tls",
  "enable-mutual-tls",
  "create-mtls-domain",
]);

/**
 * The newest recorded change of a domain that left it at `version` ("" for
 * none), for "changed by whom and when": a success, or a change in doubt
 * that landed. Read from the changes only: refusals never hide one.
 */
export async function changeTo(
  domainName: string,
  region: string,
  version: string,
): Promise<AuditEvent | undefined> {
  return (await listAuditEvents(domainName, region, 200)).find(
    (e) =>
      (e.result === "success" || e.result === "in-doubt") &&
      (e.toVersion ?? "") === version &&
      VERSION_CHANGES.has(e.action),
  );
}
