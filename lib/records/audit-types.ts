import type { Role } from "../model/roles";

/**
 * success, refused, failed: what became of a change. in-doubt: AWS did not
 * confirm a write, which may still land. resolved: an operator settled a
 * change in doubt.
 */
export type AuditResult = "success" | "refused" | "failed" | "in-doubt" | "resolved";

/** One change, or refused or failed attempt at one. */
export interface AuditEvent {
  id: string;
  at: string;
  user: string;
  role: Role | "none";
  action: string;
  domainName: string;
  region: string;
  fromVersion?: string;
  toVersion?: string;
  result: AuditResult;
  message?: string;
  requestId?: string;
  /** The write-ahead intent this outcome completes (lib/auth/intents.ts). */
  intentId?: string;
  /** Its place in its domain's chain of changes (lib/auth/audit-chain.ts); refused attempts have none. */
  seq?: number;
  /** The hash of the change record before it in the chain ("genesis" for the first). */
  prev?: string;
}
