import "server-only";
/**
 * The audit trail: one S3 object per change or refused attempt (who, when,
 * domain, action, from version → to version, result, AWS request id). Keys
 * sort newest first, so a domain's history is one listing away.
 */
import { getJson, listKeys, putJson, retried } from "./store";
import type { AuditEvent } from "./audit-types";

export type { AuditEvent, AuditResult } from "./audit-types";

const MAX_TIME = 9_999_999_999_999;
const safe = (s: string) => s.replace(/[^A-Za-z0-9.*_-]/g, "_");
const domainPrefix = (region: string, domainName: string) =>
  `events/${safe(region)}/${safe(domainName)}/`;

/** Writes one event; tried up to `attempts` times (the SDK retries each try too). */
export async function recordAuditEvent(
  event: Omit<AuditEvent, "id" | "at"> & { at?: Date },
  attempts = 3,
): Promise<AuditEvent> {
  const at = event.at ?? new Date();
  const full: AuditEvent = { ...event, id: crypto.randomUUID(), at: at.toISOString() };
  const inverted = String(MAX_TIME - at.getTime()).padStart(13, "0");
  await retried(
    () =>
      putJson(`${domainPrefix(event.region, event.domainName)}${inverted}-${full.id}.json`, full),
    attempts,
  );
  return full;
}

/** Refused attempts recorded per user and minute, at most (the rest are only logged). */
export const REFUSALS_PER_MINUTE = 10;
const refusals = new Map<string, number[]>();

/** May one more refused attempt of this user be written to the audit trail now? */
export function refusalMayBeRecorded(user: string, now = Date.now()): boolean {
  const recent = (refusals.get(user) ?? []).filter((t) => now - t < 60_000);
  const allowed = recent.length < REFUSALS_PER_MINUTE;
  if (allowed) recent.push(now);
  refusals.delete(user);
  refusals.set(user, recent);
  if (refusals.size > 10_000) refusals.delete(refusals.keys().next().value!);
  return allowed;
}

const MAX_CACHED_EVENTS = 5_000;
const eventCache = new Map<string, AuditEvent>();

/** A domain's audit events, newest first (events never change: cached by key). */
export async function listAuditEvents(
  domainName: string,
  region: string,
  limit = 50,
): Promise<AuditEvent[]> {
  const keys = await listKeys(domainPrefix(region, domainName), limit);
  const events = await Promise.all(
    keys.map(async (key) => {
      const cached = eventCache.get(key);
      if (cached) return cached;
      const event = (await getJson<AuditEvent>(key))?.value ?? null;
      if (event) {
        eventCache.set(key, event);
        if (eventCache.size > MAX_CACHED_EVENTS) eventCache.delete(eventCache.keys().next().value!);
      }
      return event;
    }),
  );
  return events.filter((e): e is AuditEvent => e !== null);
}

/** The actions that set a domain's truststore version. */
export const VERSION_CHANGES: ReadonlySet<string> = new Set([
  "activate-truststore-version",
  "upload-truststore-version",
  "disable-mutual-tls",
  "create-mtls-domain",
]);

/**
 * The newest recorded change of a domain that left it at `version` ("" for
 * none), for "changed by whom and when": a success, or a change in doubt
 * that landed. Undefined when the audit trail has none (changed elsewhere).
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
