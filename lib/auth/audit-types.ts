import type { Role } from "./roles";

export type AuditResult = "success" | "refused" | "failed";

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
}
