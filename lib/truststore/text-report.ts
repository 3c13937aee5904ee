/**
 * Plain-text reports for terminals (the CLI) and for "copy as text".
 */
import { describePublicKey } from "./key-description";
import { clientVerdict, type ClientCheckResult, type ClientVerdict } from "./client-check";
import type { TruststoreDiff } from "./diff";
import type { Finding, TruststoreReport } from "./types";

const MARK: Record<Finding["severity"], string> = {
  error: "✖ error",
  warning: "▲ warning",
  info: "· info",
};

function findingLine(f: Finding): string {
  return `  ${MARK[f.severity].padEnd(9)} ${f.rule.padEnd(21)} ${f.message}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function formatReport(name: string, report: TruststoreReport): string {
  const out: string[] = [];
  const bySeverity = (s: Finding["severity"]) =>
    report.findings.filter((f) => f.severity === s).length;
  out.push(
    `${name}: ${count(report.certificates.length, "certificate")}, ${count(bySeverity("error"), "error")}, ${count(bySeverity("warning"), "warning")}, ${count(bySeverity("info"), "notice")}`,
    `verdict: ${report.verdict.toUpperCase()} (evaluated at ${report.evaluatedAt}, expiring window ${report.expiringDays} days)`,
    "",
  );
  const fileLevel = report.findings.filter((f) => f.certificate === undefined);
  if (fileLevel.length) {
    out.push("File:", ...fileLevel.map(findingLine), "");
  }
  for (const c of report.certificates) {
    out.push(`#${c.index + 1}  ${c.subject}   (line ${c.line})`);
    out.push(`    issuer     ${c.issuer}${c.selfSigned ? "  [self-signed]" : ""}`);
    out.push(`    validity   ${c.notBefore} → ${c.notAfter}`);
    out.push(
      `    key        ${describePublicKey(c.publicKey)} · signed with ${c.signatureAlgorithm.name}`,
    );
    out.push(
      `    CA         ${c.isCA ? `yes${c.basicConstraints?.pathLength !== undefined ? ` (pathlen ${c.basicConstraints.pathLength})` : ""}` : "no"}`,
    );
    out.push(`    serial     ${c.serialNumber}`);
    out.push(`    sha256     ${c.fingerprintSha256}`);
    out.push(
      `    chain      ${c.path.map((i) => `#${i + 1}`).join(" → ")}${c.pathComplete ? " (root)" : " (incomplete)"}`,
    );
    out.push(...report.findings.filter((f) => f.certificate === c.index).map(findingLine));
    out.push("");
  }
  return out.join("\n");
}

export function formatDiff(diff: TruststoreDiff): string {
  const out: string[] = [];
  out.push(
    `${count(diff.added.length, "certificate")} added, ${count(diff.removed.length, "certificate")} removed, ${diff.unchanged.length} unchanged`,
    "",
  );
  for (const c of diff.added) out.push(`  + ${c.subject}  (until ${c.notAfter.slice(0, 10)})`);
  for (const c of diff.removed) out.push(`  - ${c.subject}  (until ${c.notAfter.slice(0, 10)})`);
  if (diff.impacts.length)
    out.push("", "What this means:", ...diff.impacts.map((i) => `  • ${i.message}`));
  return out.join("\n") + "\n";
}

const HEADLINE: Record<ClientVerdict, string> = {
  accepted: "ACCEPTED: API Gateway would accept this client certificate.",
  refused: "REFUSED: API Gateway would refuse this client certificate (HTTP 403 Forbidden).",
  "bad-input":
    "BAD INPUT: nothing was judged: the client certificate or the truststore cannot be used as given (see below).",
};

export function formatClientCheck(result: ClientCheckResult): string {
  const out: string[] = [];
  out.push(HEADLINE[clientVerdict(result)]);
  if (result.client)
    out.push(`client     ${result.client.subject}`, `issuer     ${result.client.issuer}`);
  if (result.path.length)
    out.push(`chain      ${result.path.map((p) => `${p.subject} [${p.source}]`).join("  →  ")}`);
  for (const f of result.clientFindings) out.push(findingLine(f));
  for (const r of result.refusals)
    out.push(`  ✖ ${r.code}: ${r.message}${r.awsLog ? `  (execution log: "${r.awsLog}")` : ""}`);
  for (const n of result.notes) out.push(`  note: ${n}`);
  return out.join("\n") + "\n";
}
