/**
 * `npm run --silent watch` (or `mtls-console watch`): what will stop clients
 * before anyone notices, for every mTLS domain of the given regions
 * (lib/domains/watch/watch.ts).
 *   --region R        a region to scan (repeatable, or comma-separated; default AWS_REGION);
 *                     with MTLS_CONSOLE_ACCOUNTS, that region of every account (ACCOUNT:REGION
 *                     for one account's), and by default every account's every region
 *   --days N          how far ahead to look (default 30)
 *   --json            one JSON object
 *   --notify URL      post the report to a webhook ({"text": …}: Slack and Teams)
 *   --sns-topic ARN   publish the report to an SNS topic
 * Exit codes (scripts/cli-exit.ts): 0 nothing found, 1 warnings, 2 errors, 3 bad usage,
 * 4 AWS, the webhook or the topic not reached, or no AWS configuration at all (it never
 * watches the demo unless MTLS_CONSOLE_BACKEND=embedded). --json names the backend it
 * read (kind, endpoint).
 */
import { parseArgs } from "node:util";
import { EXIT, findingsExit, runCli, UnreachableError, UsageError } from "./cli-exit";
import { startEmbeddedIfNeeded } from "./embedded-backend";
import { envRegion, getBackend, resolveBackendKind } from "../lib/aws/config";
import { fleetPlacesNow } from "../lib/aws/enabled-regions";
import { regionOf } from "../lib/model/place";
import { formatWatch, watchRegions } from "../lib/domains/watch/watch";
import { notifyWebhook, publishToSns } from "../lib/domains/watch/watch-notify";

const NPM = "npm run --silent watch --";

export const usage = (prog = NPM) =>
  `Usage: ${prog} [--region R]... [--days N] [--json] [--notify URL] [--sns-topic ARN]\n`;

const NO_CONFIGURATION =
  "watch: no AWS configuration was found (no AWS_PROFILE, keys, AWS_ENDPOINT_URL, ~/.aws files, nor container or instance credentials), so there is nothing to watch. Configure AWS, or set MTLS_CONSOLE_BACKEND=embedded to watch the demo's made-up domains.";

/** A delivery that failed is a far end not reached. */
async function deliver(to: string, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    throw new UnreachableError(
      `The report was printed but not delivered to ${to}: ${(error as Error).message}`,
    );
  }
}

export async function main(argv: string[], prog = NPM): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: "string", multiple: true },
      days: { type: "string", default: "30" },
      json: { type: "boolean", default: false },
      notify: { type: "string" },
      "sns-topic": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage(prog));
    return EXIT.clean;
  }
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 0 || days > 3650)
    throw new UsageError(`--days wants a whole number from 0 to 3650, not "${values.days}"`);
  if (values.notify && !/^https?:\/\//.test(values.notify))
    throw new UsageError(`--notify wants an http(s) URL, not "${values.notify}"`);
  // A watch in a cron job must never report the demo's made-up domains: it runs on the
  // embedded demo only when asked (MTLS_CONSOLE_BACKEND=embedded).
  if (resolveBackendKind() === "embedded" && process.env.MTLS_CONSOLE_BACKEND !== "embedded")
    throw new UnreachableError(NO_CONFIGURATION);
  startEmbeddedIfNeeded();
  // An account whose regions cannot be listed is scanned where its Account API answers: a finding.
  const now = await fleetPlacesNow();
  const fleet = now && [...now.places, ...now.failures.map((f) => f.place)];
  const asked = (values.region ?? (fleet ? fleet : [envRegion()]))
    .flatMap((r) => r.split(","))
    .map((r) => r.trim())
    .filter(Boolean);
  // In a fleet a bare region means that region of every account.
  const regions = fleet
    ? asked.flatMap((r) => (r.includes(":") ? [r] : fleet.filter((p) => regionOf(p) === r)))
    : asked;
  if (fleet && !regions.length)
    throw new UsageError(`no account of MTLS_CONSOLE_ACCOUNTS has ${asked}`);
  const report = await watchRegions(regions, days);
  const text = formatWatch(report);
  const { kind, endpoint } = await getBackend();
  const json = { ...report, backend: { kind, ...(endpoint ? { endpoint } : {}) } };
  process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);
  const { notify, "sns-topic": topic } = values;
  if (notify) await deliver("the webhook", () => notifyWebhook(notify, report, text));
  if (topic) await deliver(topic, () => publishToSns(topic, report, text));
  // A place AWS could not be reached in leaves the watch blind there.
  if (report.findings.some((f) => f.unreachable)) return EXIT.unreachable;
  return findingsExit(report.findings.map((f) => f.severity));
}

if (import.meta.main) runCli(main, usage());
