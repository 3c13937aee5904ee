import "server-only";
/**
 * The audit trail: one S3 object per change or refused attempt (who, when,
 * domain, action, from version → to version, result, AWS request id). Keys
 * sort newest first, so a domain's history is one listing away.
 */
import { getJson, listKeys, putJson } from "./store";
import type { AuditEvent } from "./audit-types";

export type { AuditEvent, AuditResult } from "./audit-types";

const MAX_TIME = 9_999_999_999_999;
const safe = (s: string) => s.replace(/[^A-Za-z0-9.*_-]/g, "_");
const domainPrefix = (region: string, domainName: string) => `events/${safe(region)}/${safe(domainName)}/`;

export async function recordAuditEvent(event: Omit<AuditEvent, "id" | "at"> & { at?: Date }): Promise<AuditEvent> {
  const at = event.at ?? new Date();
  const full: AuditEvent = { ...event, id: crypto.randomUUID(), at: at.toISOString() };
  const inverted = String(MAX_TIME - at.getTime()).padStart(13, "0");
  await putJson(`${domainPrefix(event.region, event.domainName)}${inverted}-${full.id}.json`, full);
  return full;
}

const eventCache = new Map<string, AuditEvent>();

/** A domain's audit events, newest first (events never change: cached by key). */
export async function listAuditEvents(domainName: string, region: string, limit = 50): Promise<AuditEvent[]> {
  const keys = await listKeys(domainPrefix(region, domainName), limit);
  const events = await Promise.all(
    keys.map(async (key) => {
      const cached = eventCache.get(key);
      if (cached) return cached;
      const event = await getJson<AuditEvent>(key);
      if (event) eventCache.set(key, event);
      return event;
    }),
  );
  return events.filter((e): e is AuditEvent => e !== null);
}

/** The newest successful change of a domain, for "changed by whom and when". */
export async function lastChange(domainName: string, region: string): Promise<AuditEvent | undefined> {
  return (await listAuditEvents(domainName, region, 20)).find((e) => e.result === "success");
}
