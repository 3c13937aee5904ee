/**
 * What changes between two truststore versions, by SHA-256 fingerprint, and
 * what that means for clients.
 */
import { quote } from "./rules";
import type { ComparableCertificate, ComparableReport } from "./comparable";
import type { Finding } from "./types";

export interface CertificateSummary {
  index: number;
  subject: string;
  issuer: string;
  notAfter: string;
  isCA: boolean;
  selfSigned: boolean;
  fingerprintSha256: string;
}

export type ImpactKind = "refused" | "accepted" | "renewed" | "warning-added" | "warning-removed";

export interface Impact {
  kind: ImpactKind;
  /** The certificate the sentence is about (its SHA-256 fingerprint). */
  fingerprintSha256?: string;
  message: string;
}

export interface TruststoreDiff {
  added: CertificateSummary[];
  removed: CertificateSummary[];
  unchanged: CertificateSummary[];
  impacts: Impact[];
  /** True when nothing changes at all. */
  identical: boolean;
}

function summary(cert: ComparableCertificate): CertificateSummary {
  return {
    index: cert.index,
    subject: cert.subject,
    issuer: cert.issuer,
    notAfter: cert.notAfter,
    isCA: cert.isCA,
    selfSigned: cert.selfSigned,
    fingerprintSha256: cert.fingerprintSha256,
  };
}

function uniqueByFingerprint(
  certs: readonly ComparableCertificate[],
): Map<string, ComparableCertificate> {
  const map = new Map<string, ComparableCertificate>();
  for (const cert of certs)
    if (!map.has(cert.fingerprintSha256)) map.set(cert.fingerprintSha256, cert);
  return map;
}

function findingKeys(report: ComparableReport): Map<string, Finding> {
  const keys = new Map<string, Finding>();
  for (const f of report.findings) {
    if (f.severity !== "warning") continue;
    const cert = f.certificate === undefined ? undefined : report.certificates[f.certificate];
    keys.set(`${f.rule}|${cert?.fingerprintSha256 ?? ""}`, f);
  }
  return keys;
}

function whoIsIssuedBy(cert: ComparableCertificate): string {
  if (cert.isCA) return `Clients whose certificates chain up to ${quote(cert.subject)}`;
  return `The client certificate ${quote(cert.subject)} itself (trusted directly)`;
}

/** Diff from `from` (e.g. the active version) to `to` (e.g. the candidate). */
export function diffTruststores(from: ComparableReport, to: ComparableReport): TruststoreDiff {
  const before = uniqueByFingerprint(from.certificates);
  const after = uniqueByFingerprint(to.certificates);
  const added = [...after.values()].filter((c) => !before.has(c.fingerprintSha256));
  const removed = [...before.values()].filter((c) => !after.has(c.fingerprintSha256));
  const unchanged = [...after.values()].filter((c) => before.has(c.fingerprintSha256));
  const impacts: Impact[] = [];

  const sameKeyAndName = (a: ComparableCertificate, list: ComparableCertificate[]) =>
    list.find((b) => b.subject === a.subject && b.publicKeySha256 === a.publicKeySha256);

  for (const cert of removed) {
    const replacement = sameKeyAndName(cert, added);
    if (replacement) {
      impacts.push({
        kind: "renewed",
        fingerprintSha256: replacement.fingerprintSha256,
        message: `${quote(cert.subject)} is replaced by a certificate with the same name and key (valid until ${replacement.notAfter.slice(0, 10)}): its clients keep working.`,
      });
      continue;
    }
    impacts.push({
      kind: "refused",
      fingerprintSha256: cert.fingerprintSha256,
      message: `${whoIsIssuedBy(cert)} will be refused: ${quote(cert.subject)} is removed.`,
    });
  }
  for (const cert of added) {
    if (sameKeyAndName(cert, removed)) continue;
    impacts.push({
      kind: "accepted",
      fingerprintSha256: cert.fingerprintSha256,
      message: `${whoIsIssuedBy(cert)} will be accepted${cert.pathComplete ? "" : " once its chain up to a root is in the truststore"}: ${quote(cert.subject)} is added.`,
    });
  }

  const beforeFindings = findingKeys(from);
  const afterFindings = findingKeys(to);
  for (const [key, finding] of afterFindings) {
    if (beforeFindings.has(key)) continue;
    const cert =
      finding.certificate === undefined ? undefined : to.certificates[finding.certificate];
    impacts.push({
      kind: "warning-added",
      fingerprintSha256: cert?.fingerprintSha256,
      message: `New warning (${finding.rule}): ${finding.message}`,
    });
  }
  for (const [key, finding] of beforeFindings) {
    if (afterFindings.has(key)) continue;
    const cert =
      finding.certificate === undefined ? undefined : from.certificates[finding.certificate];
    impacts.push({
      kind: "warning-removed",
      fingerprintSha256: cert?.fingerprintSha256,
      message: `Warning gone (${finding.rule}): ${finding.message}`,
    });
  }

  return {
    added: added.map(summary),
    removed: removed.map(summary),
    unchanged: unchanged.map(summary),
    impacts,
    identical: added.length === 0 && removed.length === 0,
  };
}
