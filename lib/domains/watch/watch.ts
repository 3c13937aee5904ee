import "server-only";
/**
 * `npm run watch`: everything about a region's mTLS domains that will
 * stop clients before anyone notices: server and ownership certificates
 * (expiry, renewal status, updates locked), the active truststore's
 * findings now and in N days, clients seen whose certificates expire, and
 * domains that follow the latest object instead of a pinned version; and
 * revocation (./watch-revocation.ts): CRLs near or past nextUpdate,
 * methods and routes that do not enforce the lists.
 */
import { parseS3Uri } from "../../aws/s3";
import { clientsSeen } from "../clients-seen/clients-seen";
import { getOverview } from "../overview/overview";
import { checkVersion } from "../versions/truststores";
import { revocationFindings } from "./watch-revocation";
import { readPart } from "../shared/loaded";

export interface WatchFinding {
  severity: "error" | "warning";
  region: string;
  domain: string;
  kind:
    | "status"
    | "server-certificate"
    | "ownership-certificate"
    | "truststore"
    | "client"
    | "unpinned"
    | "unreadable"
    | "revocation";
  message: string;
  /** The place could not be read because AWS was not reached there (network, credentials). */
  unreachable?: true;
}

export interface WatchReport {
  at: string;
  days: number;
  regions: string[];
  domains: number;
  findings: WatchFinding[];
}

const DAY = 86_400_000;
const day = (iso: string) => iso.slice(0, 10);

export async function watchRegions(
  regions: string[],
  days: number,
  now = new Date(),
): Promise<WatchReport> {
  const findings: WatchFinding[] = [];
  const horizon = new Date(now.getTime() + days * DAY);
  let domains = 0;
  for (const region of regions) {
    // One place that cannot be read (a fleet account's role refused) is a finding, not the end.
    const listed = await readPart(() => getOverview(region), `the domains of ${region}`);
    if (!listed.ok) {
      findings.push({
        severity: "error",
        region,
        domain: "(every domain)",
        kind: "unreadable",
        message: listed.message,
        ...(listed.unreachable ? { unreachable: true as const } : {}),
      });
      continue;
    }
    const { rows } = listed.value;
    for (const row of rows) {
      const d = row.domain;
      if (d.mtlsState === "unavailable") continue;
      domains++;
      const add = (
        severity: WatchFinding["severity"],
        kind: WatchFinding["kind"],
        message: string,
      ) => findings.push({ severity, region, domain: d.domainName, kind, message });
      if (d.status === "PENDING_OWNERSHIP_VERIFICATION")
        add(
          "error",
          "status",
          "Every update is locked (PENDING_OWNERSHIP_VERIFICATION): set a valid ownership verification certificate.",
        );
      if (d.status === "FAILED")
        add(
          "error",
          "status",
          `The domain FAILED${d.statusMessage ? `: ${d.statusMessage}` : "."}`,
        );
      for (const [kind, notAfter, what] of [
        ["server-certificate", row.serverCertificateNotAfter, "server certificate"],
        ["ownership-certificate", row.ownershipNotAfter, "ownership verification certificate"],
      ] as const) {
        if (!notAfter) continue;
        const t = Date.parse(notAfter);
        if (t < now.getTime()) add("error", kind, `The ${what} expired on ${day(notAfter)}.`);
        else if (t < horizon.getTime())
          add(
            "warning",
            kind,
            `The ${what} expires on ${day(notAfter)}${kind === "ownership-certificate" ? ": if ACM cannot renew it, every update of the domain is locked" : ""}.`,
          );
      }
      if (!d.mtls) continue;
      if (!d.mtls.truststoreVersion)
        add(
          "warning",
          "unpinned",
          "The domain follows the latest truststore object: pin a version, so that an upload cannot change who may connect.",
        );
      const location = parseS3Uri(d.mtls.truststoreUri);
      if (!location) continue;
      try {
        const [current, later] = await Promise.all([
          checkVersion(location, d.mtls.truststoreVersion, region, now),
          checkVersion(location, d.mtls.truststoreVersion, region, horizon),
        ]);
        const known = new Set(current.report.findings.map((f) => `${f.rule}#${f.certificate}`));
        for (const f of current.report.findings)
          if (f.severity !== "info")
            add(f.severity === "error" ? "error" : "warning", "truststore", `Now: ${f.message}`);
        for (const f of later.report.findings)
          if (f.rule === "expired" && !known.has(`${f.rule}#${f.certificate}`))
            add("warning", "truststore", `By ${day(horizon.toISOString())}: ${f.message}`);
      } catch (error) {
        add(
          "error",
          "unreadable",
          `The active truststore cannot be read: ${(error as Error).message}`,
        );
      }
      for (const f of await revocationFindings(d.domainName, location, region, now))
        add(f.severity, "revocation", f.message);
      // Every client the logs saw, those of a stage whose log cannot name the domain included.
      const seen = await clientsSeen(d.domainName, region, 7).catch(() => null);
      for (const c of seen?.clients ?? []) {
        const t = Date.parse(c.notAfter);
        if (Number.isNaN(t) || t >= horizon.getTime()) continue;
        add(
          t < now.getTime() ? "error" : "warning",
          "client",
          `Client ${c.subjectDN} (serial ${c.serialNumber}, ${c.requests} requests in 7 days${c.domainUnknown ? ", on a stage shared with other domains maybe" : ""}) ${t < now.getTime() ? "has an expired certificate" : `has a certificate that expires on ${day(new Date(t).toISOString())}`}.`,
        );
      }
    }
  }
  return { at: now.toISOString(), days, regions, domains, findings };
}

export function formatWatch(r: WatchReport): string {
  const head = `mTLS watch, ${r.at.slice(0, 16).replace("T", " ")} UTC: ${r.domains} domain names in ${r.regions.join(", ")}, looking ${r.days} days ahead.`;
  if (r.findings.length === 0) return `${head}\nNothing expires or breaks in that time.\n`;
  const byDomain = new Map<string, WatchFinding[]>();
  for (const f of r.findings)
    byDomain.set(`${f.region} ${f.domain}`, [
      ...(byDomain.get(`${f.region} ${f.domain}`) ?? []),
      f,
    ]);
  const lines = [head, ""];
  for (const [domain, list] of byDomain) {
    lines.push(domain);
    for (const f of list)
      lines.push(`  ${f.severity === "error" ? "ERROR  " : "WARNING"} ${f.message}`);
  }
  const errors = r.findings.filter((f) => f.severity === "error").length;
  lines.push("", `${errors} errors, ${r.findings.length - errors} warnings.`);
  return `${lines.join("\n")}\n`;
}
