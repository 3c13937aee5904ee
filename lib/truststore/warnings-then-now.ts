/**
 * API Gateway checks a truststore only when a domain is created or updated
 * ("truststoreWarnings"), never later. Beside the engine's findings now:
 * which warnings still hold, which certificates are in trouble since (a CA
 * expired after the update), and which warnings no longer apply. Pure: the
 * warnings are matched to certificates by the subject they name.
 */
import type { CertificateReport, Finding, TruststoreReport } from "./types";

/** The certificate a warning names (by its whole subject, else its CN); undefined when none does. */
export function warnedCertificate(warning: string, certs: CertificateReport[]): number | undefined {
  const bySubject = certs.find((c) => c.subject && warning.includes(c.subject));
  if (bySubject) return bySubject.index;
  return certs.find((c) => {
    const cn = /CN=([^,]+)/.exec(c.subject)?.[1];
    return cn && warning.includes(cn);
  })?.index;
}

export interface WarningsThenAndNow {
  /** Warned at the last update, and the engine still finds a problem with that certificate. */
  still: { warning: string; certificate?: number }[];
  /** Warned at the last update; that certificate has no problem now (or is not in the file). */
  gone: { warning: string; certificate?: number }[];
  /** Problems now with certificates no warning named: new since API Gateway last checked. */
  since: Finding[];
}

export function warningsThenAndNow(
  warnings: string[],
  report: TruststoreReport,
): WarningsThenAndNow {
  const troubled = new Set(
    report.findings
      .filter((f) => f.certificate !== undefined && f.severity !== "info")
      .map((f) => f.certificate!),
  );
  const warned = new Set<number>();
  const still: WarningsThenAndNow["still"] = [];
  const gone: WarningsThenAndNow["gone"] = [];
  for (const warning of warnings) {
    const certificate = warnedCertificate(warning, report.certificates);
    const entry = certificate === undefined ? { warning } : { warning, certificate };
    if (certificate !== undefined) warned.add(certificate);
    (certificate !== undefined && troubled.has(certificate) ? still : gone).push(entry);
  }
  const since = report.findings.filter(
    (f) => f.certificate !== undefined && f.severity !== "info" && !warned.has(f.certificate),
  );
  return { still, gone, since };
}
