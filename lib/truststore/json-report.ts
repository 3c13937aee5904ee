/**
 * The stable machine-readable shape of a truststore check (the CLI's
 * `--json`, and what pipelines consume).
 */
import type { PublicKeyInfo, RuleId, Severity, TruststoreReport, Verdict } from "./types";

export interface JsonReport {
  verdict: Verdict;
  evaluatedAt: string;
  certificates: {
    index: number;
    subject: string;
    issuer: string;
    serialNumber: string;
    notBefore: string;
    notAfter: string;
    fingerprintSha256: string;
    publicKey: PublicKeyInfo;
    signatureAlgorithm: string;
    isCA: boolean;
    selfSigned: boolean;
    path: number[];
  }[];
  findings: {
    rule: RuleId;
    severity: Severity;
    certificate?: number;
    line?: number;
    message: string;
  }[];
}

export function toJsonReport(report: TruststoreReport): JsonReport {
  return {
    verdict: report.verdict,
    evaluatedAt: report.evaluatedAt,
    certificates: report.certificates.map((c) => ({
      index: c.index,
      subject: c.subject,
      issuer: c.issuer,
      serialNumber: c.serialNumber,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      fingerprintSha256: c.fingerprintSha256,
      publicKey: c.publicKey,
      signatureAlgorithm: c.signatureAlgorithm.name,
      isCA: c.isCA,
      selfSigned: c.selfSigned,
      path: c.path,
    })),
    findings: report.findings.map((f) => ({ ...f })),
  };
}
