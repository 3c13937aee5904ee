/**
 * A certificate as one line of a list: enough to show it and its findings
 * without its decoded detail (fetched or rendered when it is opened).
 */
import type { CertificateReport, Finding, TruststoreReport } from "./types";

export interface CertificateRow {
  index: number;
  subject: string;
  issuer: string;
  notAfter: string;
  role: "root" | "CA" | "end entity";
  findings: Finding[];
}

export function certificateRows(
  report: Pick<TruststoreReport, "certificates" | "findings">,
): CertificateRow[] {
  const byCertificate = new Map<number, Finding[]>();
  for (const f of report.findings) {
    if (f.certificate === undefined) continue;
    const list = byCertificate.get(f.certificate);
    if (list) list.push(f);
    else byCertificate.set(f.certificate, [f]);
  }
  return report.certificates.map((cert: CertificateReport) => ({
    index: cert.index,
    subject: cert.subject,
    issuer: cert.issuer,
    notAfter: cert.notAfter,
    role: cert.selfSigned ? "root" : cert.isCA ? "CA" : "end entity",
    findings: byCertificate.get(cert.index) ?? [],
  }));
}
