/**
 * The lockout guard, informed by traffic: beside the CA chains a change
 * breaks, which of the clients seen in the access logs it would refuse.
 */
import type { ComparableReport } from "./comparable";
import { seenClientsImpact, type SeenClient, type SeenClientsImpact } from "./client-identity";
import type { LockoutAssessment } from "./lockout";

export interface InformedLockout extends LockoutAssessment {
  clients?: SeenClientsImpact & { days: number };
}

export interface SeenClients {
  clients: SeenClient[];
  days: number;
}

export function informLockout(
  lockout: LockoutAssessment,
  active: ComparableReport,
  candidate: ComparableReport | null,
  seen: SeenClients | null | undefined,
  at: Date,
): InformedLockout {
  if (!seen) return lockout;
  return {
    ...lockout,
    clients: { ...seenClientsImpact(active, candidate, seen.clients, at), days: seen.days },
  };
}

/** "refuses 37 of 212 clients seen in 7 days (12,340 requests)". */
export function clientsSentence(c: NonNullable<InformedLockout["clients"]>): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const requests = `${n(c.requests)} request${c.requests === 1 ? "" : "s"}`;
  const window = c.days === 1 ? "24 hours" : `${c.days} days`;
  const revoked = c.refusedRevoked
    ? ` (and ${n(c.refusedRevoked)} revoked client${c.refusedRevoked === 1 ? "" : "s"}, refused already)`
    : "";
  return c.refused.length === 0
    ? `refuses none of the ${n(c.seen)} clients seen in ${window}${revoked}`
    : `refuses ${n(c.refused.length)} of ${n(c.seen)} clients seen in ${window} (${requests})${revoked}`;
}
