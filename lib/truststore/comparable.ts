/**
 * What comparing two truststore versions needs (the diff, the lockout
 * guard): each certificate's identity, chain and dates, and the findings.
 * A page sends this for the active version instead of the full report: no
 * PEM, no decoded extensions.
 */
import type { CertificateReport, Finding, TruststoreReport } from "./types";

export type ComparableCertificate = Pick<
  CertificateReport,
  | "index"
  | "subject"
  | "issuer"
  | "notAfter"
  | "isCA"
  | "selfSigned"
  | "fingerprintSha256"
  | "publicKeySha256"
  | "pathComplete"
  | "duplicateOf"
>;

export interface ComparableReport {
  certificates: ComparableCertificate[];
  findings: Finding[];
}

export function comparable(report: TruststoreReport): ComparableReport {
  return {
    certificates: report.certificates.map((c) => {
      const out: ComparableCertificate = {
        index: c.index,
        subject: c.subject,
        issuer: c.issuer,
        notAfter: c.notAfter,
        isCA: c.isCA,
        selfSigned: c.selfSigned,
        fingerprintSha256: c.fingerprintSha256,
        publicKeySha256: c.publicKeySha256,
        pathComplete: c.pathComplete,
      };
      if (c.duplicateOf !== undefined) out.duplicateOf = c.duplicateOf;
      return out;
    }),
    findings: report.findings,
  };
}
