/**
 * What a change action tells the audit trail about itself, and the target
 * (domain and place) an action's input names, as the action wrapper
 * (./safe-action.ts) reads them for its records.
 */
import { z } from "zod";
import type { AuditResult } from "../records/audit";
import type { Intent } from "../records/intents";

/** What a change action tells the audit trail about itself. */
export interface AuditFacts {
  domainName?: string;
  region?: string;
  fromVersion?: string;
  toVersion?: string;
  requestId?: string;
  /** Overrides "success" (e.g. uploaded but not activated). */
  result?: AuditResult;
  message?: string;
  /** Runs once the record is written (closing what the record settles). */
  afterRecorded?: () => Promise<unknown>;
}

export const targetSchema = z.object({
  domainName: z.string().max(253).optional(),
  region: z.string().max(32).optional(),
});

/** The facts of an intent, for its outcome's record. */
export function intentFacts(intent: Intent | undefined): AuditFacts {
  if (!intent) return {};
  return {
    domainName: intent.domainName,
    region: intent.region,
    ...(intent.fromVersion ? { fromVersion: intent.fromVersion } : {}),
    ...(intent.toVersion ? { toVersion: intent.toVersion } : {}),
  };
}
