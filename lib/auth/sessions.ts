import "server-only";
/**
 * Sessions the server can end. Every sign-in gets an id (in its cookie's
 * token) and a record in the store; signing out, or an operator's revoke,
 * writes a revocation that every request checks, so a copied cookie stops
 * working the moment its session ends, on every instance.
 */
import { freshReads } from "../aws/shared-reads";
import { deleteKey, getJson, listKeys, putJson } from "../records/store";
import type { Role } from "../model/roles";

export interface SessionRecord {
  sid: string;
  user: string;
  role: Role;
  signedInAt: string;
  expiresAt: string;
}

const sessionKey = (sid: string) => `sessions/${sid}.json`;
const revokedKey = (sid: string) => `revoked/${sid}.json`;
const validSid = (sid: unknown): sid is string =>
  typeof sid === "string" && /^[0-9a-f-]{36}$/.test(sid);

/** Records a new session (at sign-in). */
export async function recordSession(record: SessionRecord): Promise<void> {
  await putJson(sessionKey(record.sid), record);
}

/**
 * Sessions revoked by this process: known for good. Sessions seen current:
 * trusted for a few seconds (a revocation on another instance applies
 * within TRUST_MS). Kept on globalThis: the proxy and the pages are
 * bundled apart but run in one process, and must agree.
 */
const shared = globalThis as unknown as {
  __mtlsConsoleSessions?: { revokedHere: Set<string>; currentSince: Map<string, number> };
};
const { revokedHere, currentSince } = (shared.__mtlsConsoleSessions ??= {
  revokedHere: new Set<string>(),
  currentSince: new Map<string, number>(),
});
const TRUST_MS = 5_000;

/** Whether a session was ended (signed out or revoked); a token without an id is from before ids, and ended. */
export async function isRevoked(sid: unknown, now = Date.now()): Promise<boolean> {
  if (!validSid(sid)) return true;
  if (revokedHere.has(sid)) return true;
  const seen = currentSince.get(sid);
  if (seen !== undefined && now - seen < TRUST_MS) return false;
  // Asked afresh, never joined to a read sent earlier: another instance's
  // sign-out counts from the moment it is written.
  const revoked = !!(await freshReads(() => getJson(revokedKey(sid))));
  if (revoked) {
    revokedHere.add(sid);
    currentSince.delete(sid);
  } else {
    currentSince.set(sid, now);
    if (currentSince.size > 10_000) currentSince.delete(currentSince.keys().next().value!);
  }
  return revoked;
}

/** Ends a session for good: its cookie is refused from now on, on every instance. */
export async function revokeSession(sid: string, by: string): Promise<SessionRecord | null> {
  if (!validSid(sid)) return null;
  const record = (await getJson<SessionRecord>(sessionKey(sid)))?.value ?? null;
  await putJson(revokedKey(sid), { sid, by, at: new Date().toISOString() });
  revokedHere.add(sid);
  currentSince.delete(sid);
  await deleteKey(sessionKey(sid)).catch(() => undefined);
  return record;
}

/** Sessions not ended and not expired, newest first (the operators' list). */
export async function activeSessions(now = Date.now()): Promise<SessionRecord[]> {
  const keys = await listKeys("sessions/", 1000);
  const records = (await Promise.all(keys.map((k) => getJson<SessionRecord>(k))))
    .flatMap((r) => (r ? [r.value] : []))
    .filter((r) => Date.parse(r.expiresAt) > now);
  return records.sort((a, b) => b.signedInAt.localeCompare(a.signedInAt));
}
