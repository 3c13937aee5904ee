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
 * certificates of one CA name their issuer a thousand times), and each name
 * as what it does not share with the one before (partners' CAs differ in a
 * few characters: "CN=Acme Partner CA 17, O=Acme, C=US"); a row as positions
 * into them, its expiry in ms and its role as a number; findings only for the
 * rows that have some.
 */
export interface PackedRows {
  /** Each as "P.S.middle": P characters from the start and S from the end of the name before. */
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
  return {
    names: names.map((name, i) => shared(names[i - 1] ?? "", name)),
    rows: packed,
    findings,
  };
}

/** A name as the previous one's first P and last S characters around what differs. */
function shared(previous: string, name: string): string {
  let p = 0;
  const most = Math.min(previous.length, name.length);
  while (p < most && previous[p] === name[p]) p++;
  // Never half of a character outside the BMP (a surrogate pair): a lone half does not survive UTF-8.
  if (p > 0 && isHighSurrogate(name.charCodeAt(p - 1))) p--;
  let q = 0;
  while (q < most - p && previous[previous.length - 1 - q] === name[name.length - 1 - q]) q++;
  if (q > 0 && isLowSurrogate(name.charCodeAt(name.length - q))) q--;
  return `${p}.${q}.${name.slice(p, name.length - q)}`;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function unshared(names: string[]): string[] {
  const out: string[] = [];
  for (const entry of names) {
    const previous = out[out.length - 1] ?? "";
    const a = entry.indexOf(".");
    const b = entry.indexOf(".", a + 1);
    const p = Number(entry.slice(0, a));
    const q = Number(entry.slice(a + 1, b));
    out.push(previous.slice(0, p) + entry.slice(b + 1) + previous.slice(previous.length - q));
  }
  return out;
}

export function unpackRows(packed: PackedRows): CertificateRow[] {
  const names = unshared(packed.names);
  return packed.rows.map(([index, subject, issuer, notAfter, role], k) => ({
    index,
    subject: names[subject]!,
    issuer: names[issuer]!,
    notAfter: new Date(notAfter).toISOString(),
    role: ROLES[role]!,
    findings: packed.findings[k] ?? [],
  }));
}
