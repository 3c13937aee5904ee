/**
 * `npm run --silent revocation -- …` (or `mtls-console revocation …`): a
 * domain's revocation lists from a terminal or a pipeline, with the same AWS
 * configuration as the app.
 *   add DOMAIN --cert FILE [--reason R]   revoke one client certificate (deny list)
 *   remove DOMAIN --cert FILE             lift its revocation
 *   list DOMAIN [--json]                  the lists, their freshness and where they are enforced
 *   check DOMAIN --cert FILE [--json]     would this client be refused, and by which list
 *   --region R                            the domain's region (default AWS_REGION)
 *   --json                                one JSON object (add and remove too)
 * A --cert of `-` is standard input. Exit codes (scripts/cli-exit.ts): add/remove
 * 0 done; list 0 fine, 1 warnings (a CRL past or near nextUpdate, a method or
 * route not enforcing them); check 0 allowed, 1 refused; 2 a refused change;
 * 3 bad usage or a file that is no certificate; 4 AWS unreachable.
 * Changes are recorded in the audit trail (intent first) as the app's are.
 */
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { asBadUsage, EXIT, runCli, UsageError } from "./cli-exit";
import { startEmbeddedIfNeeded } from "./embedded-backend";
import { readInput } from "./read-input";
import { commandPlace } from "../lib/aws/config";
import { clientLabel } from "../lib/revocation/client-label";
import { clientRefOf } from "../lib/revocation/revocation";
import { revocationVerdict, verdictSentence } from "../lib/revocation/verdict";
import { recordedChange } from "../lib/records/recorded-change";
import { storeSettings } from "../lib/records/store";
import { denyClient, undenyClient } from "../lib/domains/changes/revocation-changes";
import { readRevocationLists } from "../lib/domains/revocation/revocation-lists";
import { revocationCoverage } from "../lib/domains/revocation/coverage";
import { crlRows } from "../lib/domains/views/revocation-view";

const NPM = "npm run --silent revocation --";

export const usage = (prog = NPM) => `Usage:
  ${prog} add DOMAIN --cert FILE [--reason R] [--json] [--region R]
  ${prog} remove DOMAIN --cert FILE [--json] [--region R]
  ${prog} list DOMAIN [--json] [--region R]
  ${prog} check DOMAIN --cert FILE [--json] [--region R]
A --cert of - is read from standard input.
`;

const actor = () => `cli:${process.env.MTLS_CONSOLE_USER?.trim() || userInfo().username}`;

async function certOf(file: string | undefined) {
  if (!file) throw new UsageError("--cert FILE is required.");
  const bytes = Buffer.from(await readInput(file));
  const text = bytes.toString("utf8");
  const pem = text.includes("-----BEGIN CERTIFICATE-----")
    ? text.slice(text.indexOf("-----BEGIN CERTIFICATE-----"))
    : `-----BEGIN CERTIFICATE-----\n${bytes.toString("base64")}\n-----END CERTIFICATE-----`;
  try {
    return { pem, client: clientRefOf(pem) };
  } catch (error) {
    throw new UsageError(`${file} is not a client certificate: ${(error as Error).message}`);
  }
}

async function change(
  kind: "add" | "remove",
  domainName: string,
  region: string,
  cert: string | undefined,
  reason: string | undefined,
  json: boolean,
) {
  const { client } = await certOf(cert);
  const label = clientLabel(client);
  const lists = await readRevocationLists(domainName, region);
  const ref = { domainName, region, actor: actor(), expectedListsVersion: lists.versionId, client };
  const done = await recordedChange(
    {
      user: ref.actor,
      action: kind === "add" ? "revoke-client" : "lift-revocation",
      domainName,
      region,
    },
    (recorder) =>
      kind === "add"
        ? denyClient({
            ...ref,
            change: recorder,
            confirmation: label,
            ...(reason ? { reason } : {}),
          })
        : undenyClient({ ...ref, change: recorder }),
    (r) => ({
      message: `revocation lists ${r.previousVersionId || "(none)"} → ${r.versionId}: ${r.doc.denied.length} denied, ${r.doc.crls.length} CRLs`,
      ...(r.requestId ? { requestId: r.requestId } : {}),
    }),
  );
  process.stdout.write(
    json
      ? `${JSON.stringify({ domainName, region, revoked: kind === "add", client, versionId: done.versionId, previousVersionId: done.previousVersionId }, null, 2)}\n`
      : `${kind === "add" ? "Revoked" : "Lifted the revocation of"} ${label} (issuer ${client.issuer}, serial ${client.serial}) on ${domainName}: lists version ${done.versionId}.\n`,
  );
  return EXIT.clean;
}

async function list(domainName: string, region: string, json: boolean) {
  const [lists, coverage] = await Promise.all([
    readRevocationLists(domainName, region),
    revocationCoverage(domainName, region),
  ]);
  const crls = crlRows(lists.doc, Date.now());
  const warnings =
    crls.filter((c) => c.freshness !== "current").length +
    coverage.gaps.length +
    coverage.sharedCaches.length;
  if (json) {
    const out = {
      domainName,
      region,
      versionId: lists.versionId,
      location: `s3://${lists.location.bucket}/${lists.location.key}`,
      denied: lists.doc.denied,
      crls,
      coverage,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const lines = [
      `Revocation lists of ${domainName} (${region}): s3://${lists.location.bucket}/${lists.location.key}${lists.versionId ? ` version ${lists.versionId}` : " (none yet)"}`,
    ];
    lines.push(`Deny list: ${lists.doc.denied.length}`);
    for (const d of lists.doc.denied)
      lines.push(
        `  ${clientLabel(d)}  issuer ${d.issuer}  serial ${d.serial}  by ${d.by} at ${d.at}${d.reason ? `: ${d.reason}` : ""}`,
      );
    lines.push(`CRLs: ${crls.length}`);
    for (const c of crls)
      lines.push(
        `  ${c.issuer}  revokes ${c.revokedCount}  thisUpdate ${c.thisUpdate}  nextUpdate ${c.nextUpdate ?? "-"}${c.freshness === "stale" ? "  PAST: its clients are refused" : c.freshness === "due" ? "  due within 24 h" : ""}`,
      );
    lines.push(
      coverage.gaps.length || !coverage.stages.length
        ? `Enforcement: ${coverage.gaps.length} gap(s)${coverage.stages.length ? "" : " (no API mapped)"}`
        : `Enforcement: every method and route runs ${coverage.functionName}; a change takes effect within ${coverage.delaySeconds} s.`,
    );
    for (const g of coverage.gaps) lines.push(`  ${g}`);
    for (const s of coverage.sharedCaches)
      lines.push(`  The cache of ${s} is not keyed by the client certificate.`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return warnings ? EXIT.warnings : EXIT.clean;
}

async function check(domainName: string, region: string, cert: string | undefined, json: boolean) {
  const { pem, client } = await certOf(cert);
  const lists = await readRevocationLists(domainName, region);
  const verdict = revocationVerdict(pem, lists.doc, new Date());
  const sentence = verdictSentence(verdict);
  if (json)
    process.stdout.write(
      `${JSON.stringify({ domainName, client, allowed: verdict.allow, verdict, sentence, listsVersion: lists.versionId }, null, 2)}\n`,
    );
  else
    process.stdout.write(
      `${clientLabel(client)} on ${domainName}: ${verdict.allow ? "allowed" : "REFUSED"}. ${sentence}\n`,
    );
  return verdict.allow ? EXIT.clean : EXIT.warnings;
}

export async function main(argv: string[], prog = NPM): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cert: { type: "string" },
      reason: { type: "string" },
      region: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return (process.stdout.write(usage(prog)), EXIT.clean);
  const [command, domainName, ...extra] = positionals;
  if (!command || !domainName || extra.length)
    throw new UsageError("A command and one DOMAIN are required.");
  if (!["add", "remove", "list", "check"].includes(command))
    throw new UsageError(`Unknown command "${command}".`);
  if (values.reason && values.reason.length > 500)
    throw new UsageError("--reason is at most 500 characters.");
  const region = await asBadUsage(() => commandPlace(values.region));
  // A change is recorded in the store first: one not named is a setting to fix (3).
  if (command === "add" || command === "remove") await asBadUsage(() => storeSettings());
  startEmbeddedIfNeeded();
  if (command === "add" || command === "remove")
    return change(command, domainName, region, values.cert, values.reason, values.json);
  if (command === "list") return list(domainName, region, values.json);
  return check(domainName, region, values.cert, values.json);
}

if (import.meta.main) runCli(main, usage());
