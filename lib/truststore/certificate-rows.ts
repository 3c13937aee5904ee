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

const ROLES: CertificateRow["role"][] = ["root", "CA", "end entity"];

/**
 * Rows packed for the page's payload: each distinct name once (a thousand
 * certificates of one CA name their issuer a thousand times), a row as
 * positions into them, its expiry in ms and its role as a number; findings
 * only for the rows that have some.
 */
export interface PackedRows {
  names: string[];
  /** [index, subject, issuer (positions in names), notAfter (ms), role (0 root, 1 CA, 2 end entity)] */
  rows: [number, number, number, number, number][];
  /** Findings by the row's position. */
  findings: Record<number, Finding[]>;
}

export function packRows(rows: CertificateRow[]): PackedRows {
  const names: string[] = [];
  const positions = new Map<string, number>();
  const at = (name: string) => {
    let i = positions.get(name);
    if (i === undefined) positions.set(name, (i = names.push(name) - 1));
    return i;
  };
  const findings: Record<number, Finding[]> = {};
  const packed = rows.map((r, k): PackedRows["rows"][number] => {
    if (r.findings.length) findings[k] = r.findings;
    return [r.index, at(r.subject), at(r.issuer), Date.parse(r.notAfter), ROLES.indexOf(r.role)];
  });
  return { names, rows: packed, findings };
}

export function unpackRows(packed: PackedRows): CertificateRow[] {
  return packed.rows.map(([index, subject, issuer, notAfter, role], k) => ({
    index,
    subject: packed.names[subject]!,
    issuer: packed.names[issuer]!,
    notAfter: new Date(notAfter).toISOString(),
    role: ROLES[role]!,
    findings: packed.findings[k] ?? [],
  }));
}
