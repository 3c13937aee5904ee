/**
 * The sessions AssumeRole handed out, by access key id, so that
 * GetCallerIdentity with their keys names the assumed role as STS does
 * (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`). Kept in memory only,
 * the newest 10,000: a session the emulator forgot answers as its
 * account's root, as before.
 */
import type { EmulatorRequest } from "../http";

export interface AssumedSession {
  arn: string;
  userId: string;
}

const MAX_SESSIONS = 10_000;
const sessions = new Map<string, AssumedSession>();

export function rememberSession(accessKeyId: string, session: AssumedSession): void {
  sessions.set(accessKeyId, session);
  if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
}

/** The assumed session of the request's access key, if AssumeRole handed it out. */
export function sessionOf(req: EmulatorRequest): AssumedSession | undefined {
  const header = req.headers.authorization;
  const auth = Array.isArray(header) ? header[0] : header;
  const key = /Credential=([^/,\s]+)\//.exec(auth ?? "")?.[1];
  return key ? sessions.get(key) : undefined;
}
