/**
 * The lockout guard: which client chains that work today a new truststore
 * version would break. A chain is a CA of the active version whose path
 * up to a root is complete: clients with certificates it issued can connect
 * today. It keeps working when the new version has a CA with the same name
 * and key (the same one, or a renewal) whose path is complete too.
 */
import type { ComparableCertificate, ComparableReport } from "./comparable";

export interface BrokenChain {
  subject: string;
  fingerprintSha256: string;
  /** removed: the CA itself is gone; root-gone: it stays but its path up to a root no longer is complete. */
  reason: "removed" | "root-gone";
}

export interface LockoutAssessment {
  /** Client chains that work with the active version. */
  chains: number;
  broken: BrokenChain[];
  /** Every chain that works today breaks. */
  everyone: boolean;
  /** One sentence about the change (not the file). */
  summary: string;
}

const identity = (c: ComparableCertificate) => `${c.subject}\u0000${c.publicKeySha256}`;

function workingChains(report: ComparableReport): ComparableCertificate[] {
  const seen = new Set<string>();
  return report.certificates.filter((c) => {
    if (!c.isCA || !c.pathComplete || c.duplicateOf !== undefined || seen.has(identity(c)))
      return false;
    seen.add(identity(c));
    return true;
  });
}

export function assessLockout(
  active: ComparableReport,
  candidate: ComparableReport,
): LockoutAssessment {
  const today = workingChains(active);
  const after = new Map<string, ComparableCertificate[]>();
  for (const c of candidate.certificates) {
    if (!c.isCA) continue;
    const list = after.get(identity(c));
    if (list) list.push(c);
    else after.set(identity(c), [c]);
  }
  const broken: BrokenChain[] = [];
  for (const ca of today) {
    const same = after.get(identity(ca));
    if (!same)
      broken.push({
        subject: ca.subject,
        fingerprintSha256: ca.fingerprintSha256,
        reason: "removed",
      });
    else if (!same.some((c) => c.pathComplete))
      broken.push({
        subject: ca.subject,
        fingerprintSha256: ca.fingerprintSha256,
        reason: "root-gone",
      });
  }
  const everyone = today.length > 0 && broken.length === today.length;
  const ca = (n: number) => `${n} CA${n === 1 ? "" : "s"}`;
  const summary =
    broken.length === 0
      ? today.length === 0
        ? "No client can connect with the active version today, so this change refuses nobody who connects now."
        : `Keeps all ${ca(today.length)} that clients chain to today.`
      : everyone
        ? `${broken.length} of ${today.length} CAs that clients chain to today stop working: every client that can connect today will be refused.`
        : `${broken.length} of ${today.length} CAs that clients chain to today stop working: their clients will be refused.`;
  return { chains: today.length, broken, everyone, summary };
}
