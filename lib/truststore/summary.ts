/**
 * A truststore version in a few hundred bytes: what the version history
 * needs without downloading the object again. Findings that do not depend
 * on time are kept as counts by rule; each certificate's validity window is
 * kept, so the time-dependent ones (expired, not yet valid, expiring soon)
 * are counted again for any moment, exactly as the engine would.
 */
import {
  RULE_SEVERITY,
  type RuleId,
  type Severity,
  type TruststoreReport,
  type Verdict,
} from "./types";

const TIME_RULES = new Set<RuleId>(["expired", "not-yet-valid", "expiring-soon"]);
const DAY_MS = 86_400_000;

export interface TruststoreSummary {
  /** 2: with the CAs' subjects (a stored 1 is computed again). */
  v: 2;
  certificateCount: number;
  /** Findings that do not depend on the time, by rule. */
  staticFindings: Partial<Record<RuleId, number>>;
  /** [notBefore, notAfter] in ms since the epoch, of each certificate that is not a duplicate. */
  validity: [number, number][];
  /** SHA-256 fingerprints of the CAs. */
  caFingerprints: string[];
  /** The CAs' subject names (RFC 4514), in the same order. */
  caSubjects: string[];
}

export function summarize(report: TruststoreReport): TruststoreSummary {
  const staticFindings: Partial<Record<RuleId, number>> = {};
  for (const f of report.findings)
    if (!TIME_RULES.has(f.rule)) staticFindings[f.rule] = (staticFindings[f.rule] ?? 0) + 1;
  const cas = report.certificates.filter((c) => c.isCA);
  return {
    v: 2,
    certificateCount: report.certificates.length,
    staticFindings,
    validity: report.certificates
      .filter((c) => c.duplicateOf === undefined)
      .map((c) => [Date.parse(c.notBefore), Date.parse(c.notAfter)] as [number, number]),
    caFingerprints: cas.map((c) => c.fingerprintSha256),
    caSubjects: cas.map((c) => c.subject),
  };
}

export interface SummaryCounts {
  counts: Record<Severity, number>;
  verdict: Verdict;
  /** The soonest notAfter of its certificates, ISO 8601. */
  earliestExpiry?: string;
}

/** The findings a full check at `at` would give, counted by severity. */
export function summaryCountsAt(
  summary: TruststoreSummary,
  at: Date,
  expiringDays = 30,
): SummaryCounts {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const [rule, n] of Object.entries(summary.staticFindings) as [RuleId, number][])
    counts[RULE_SEVERITY[rule]] += n;
  const now = at.getTime();
  for (const [notBefore, notAfter] of summary.validity) {
    const rule: RuleId | null =
      notAfter < now
        ? "expired"
        : notBefore > now
          ? "not-yet-valid"
          : (notAfter - now) / DAY_MS <= expiringDays
            ? "expiring-soon"
            : null;
    if (rule) counts[RULE_SEVERITY[rule]]++;
  }
  const earliest = summary.validity.reduce(
    (min, [, notAfter]) => Math.min(min, notAfter),
    Infinity,
  );
  return {
    counts,
    // As the engine's verdictOf: any error, else any warning.
    verdict: counts.error > 0 ? "error" : counts.warning > 0 ? "warnings" : "ok",
    ...(Number.isFinite(earliest) ? { earliestExpiry: new Date(earliest).toISOString() } : {}),
  };
}
