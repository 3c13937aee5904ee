/**
 * `npm run --silent audit -- verify` (or `mtls-console audit verify`): checks
 * the audit trail of every domain in the console's store
 * (AUDIT_BUCKET/AUDIT_PREFIX): each domain's chain of change records against
 * itself and against its digest.
 *   verify            every domain with records
 *   --domain NAME     one domain (with --region, default AWS_REGION)
 *   --json            one JSON object
 * Exit codes (scripts/cli-exit.ts): 0 every chain whole, 2 one is broken or
 * shortened, 3 bad usage, 4 the store unreachable.
 */
import { parseArgs } from "node:util";
import { asBadUsage, EXIT, runCli, UsageError } from "./cli-exit";
import { startEmbeddedIfNeeded } from "./embedded-backend";
import { commandPlace } from "../lib/aws/config";
import { placeOfKeySegment } from "../lib/model/place";
import { verifyAuditTrail, type ChainReport } from "../lib/records/audit";
import { listKeys, storeSettings } from "../lib/records/store";

const NPM = "npm run --silent audit --";

export const usage = (prog = NPM) =>
  `Usage: ${prog} verify [--domain NAME [--region R]] [--json]\n`;

async function trails(domain?: string, region?: string): Promise<[string, string][]> {
  if (domain) return [[await asBadUsage(() => commandPlace(region)), domain]];
  return (await listKeys("digests/", 100_000)).flatMap((key) => {
    const m = /^digests\/([^/]+)\/(.+)\.json$/.exec(key);
    return m ? [[placeOfKeySegment(m[1]!), m[2]!] as [string, string]] : [];
  });
}

export async function main(argv: string[], prog = NPM): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      domain: { type: "string" },
      region: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage(prog));
    return EXIT.clean;
  }
  if (positionals[0] !== "verify" || positionals.length > 1)
    throw new UsageError(`Unknown command "${positionals.join(" ")}".`);
  // A store not named is a setting to fix (3), not a failure to reach it.
  await asBadUsage(() => storeSettings());
  startEmbeddedIfNeeded();
  const results: { region: string; domainName: string; report: ChainReport }[] = [];
  for (const [region, domainName] of await trails(values.domain, values.region))
    results.push({ region, domainName, report: await verifyAuditTrail(domainName, region) });
  const broken = results.filter((r) => !r.report.ok);
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ ok: broken.length === 0, trails: results }, null, 2)}\n`,
    );
  else {
    for (const { region, domainName, report } of results)
      process.stdout.write(
        `${report.ok ? "ok     " : "BROKEN "} ${domainName} (${region}): ${report.records} record(s)${report.problem ? `: ${report.problem}` : ""}\n`,
      );
    process.stdout.write(`${results.length} trail(s) checked, ${broken.length} broken.\n`);
  }
  return broken.length ? EXIT.errors : EXIT.clean;
}

if (import.meta.main) runCli(main, usage());
