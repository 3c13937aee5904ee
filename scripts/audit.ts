/**
 * `npm run --silent audit -- verify`: checks the audit trail of every
 * domain in the console's store (AUDIT_BUCKET/AUDIT_PREFIX): each domain's
 * chain of change records against itself and against its digest.
 *   verify            every domain with records
 *   --domain NAME     one domain (with --region, default AWS_REGION)
 *   --json            one JSON object
 * Exit codes: 0 every chain whole, 1 one is broken or shortened, 2 bad usage or the store unreachable.
 */
import { parseArgs } from "node:util";
import { runCli } from "./cli-exit";
import { startEmbeddedIfNeeded } from "./embedded-backend";
import { commandPlace } from "../lib/aws/config";
import { placeOfKeySegment } from "../lib/model/place";
import { verifyAuditTrail, type ChainReport } from "../lib/records/audit";
import { listKeys } from "../lib/records/store";

const USAGE = `Usage: npm run --silent audit -- verify [--domain NAME [--region R]] [--json]\n`;

async function trails(domain?: string, region?: string): Promise<[string, string][]> {
  if (domain) return [[commandPlace(region), domain]];
  return (await listKeys("digests/", 100_000)).flatMap((key) => {
    const m = /^digests\/([^/]+)\/(.+)\.json$/.exec(key);
    return m ? [[placeOfKeySegment(m[1]!), m[2]!] as [string, string]] : [];
  });
}

async function main(argv: string[]): Promise<number> {
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
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals[0] !== "verify" || positionals.length > 1)
    throw new Error(`Unknown command "${positionals.join(" ")}".`);
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
  return broken.length ? 1 : 0;
}

startEmbeddedIfNeeded();
runCli(() => main(process.argv.slice(2)), USAGE);
