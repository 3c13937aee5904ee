/**
 * `npm run --silent revocation -- …`: a domain's revocation lists from a
 * terminal or a pipeline, with the same AWS configuration as the app.
 *   add DOMAIN --cert FILE [--reason R]   revoke one client certificate (deny list)
 *   remove DOMAIN --cert FILE             lift its revocation
 *   list DOMAIN [--json]                  the lists, their freshness and where they are enforced
 *   check DOMAIN --cert FILE [--json]     would this client be refused, and by which list
 *   --region R                            the domain's region (default AWS_REGION)
 * Exit codes: add/remove 0 done; list 0 fine, 1 warnings (a CRL past or near
 * nextUpdate, a method or route not enforcing them); check 0 allowed,
 * 1 refused; 2 bad usage, refused change or AWS unreachable.
 * Changes are recorded in the audit trail (intent first) as the app's are.
 */
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { runCli } from "./cli-exit";
import { startEmbeddedIfNeeded } from "./embedded-backend";
import { commandPlace } from "../lib/aws/config";
import { clientLabel } from "../lib/revocation/client-ref";
import { clientRefOf } from "../lib/revocation/revocation";
import { revocationVerdict, verdictSentence } from "../lib/revocation/verdict";
import { recordedChange } from "../lib/records/recorded-change";
import { denyClient, undenyClient } from "../lib/domains/changes/revocation-changes";
import { readRevocationLists } from "../lib/domains/revocation/revocation-lists";
import { revocationCoverage } from "../lib/domains/revocation/coverage";
import { crlRows } from "../lib/domains/views/revocation-view";

const USAGE = `Usage:
  npm run --silent revocation -- add DOMAIN --cert FILE [--reason R] [--region R]
  npm run --silent revocation -- remove DOMAIN --cert FILE [--region R]
  npm run --silent revocation -- list DOMAIN [--json] [--region R]
  npm run --silent revocation -- check DOMAIN --cert FILE [--json] [--region R]
`;

const actor = () => `cli:${process.env.MTLS_CONSOLE_USER?.trim() || userInfo().username}`;

async function certOf(file: string | undefined) {
  if (!file) throw new Error("--cert FILE is required.");
  const bytes = await readFile(file).catch(() => {
    throw new Error(`Cannot read ${file}.`);
  });
  const text = bytes.toString("utf8");
  const pem = text.includes("-----BEGIN CERTIFICATE-----")
    ? text.slice(text.indexOf("-----BEGIN CERTIFICATE-----"))
    : `-----BEGIN CERTIFICATE-----\n${bytes.toString("base64")}\n-----END CERTIFICATE-----`;
  return { pem, client: clientRefOf(pem) };
}

async function change(
  kind: "add" | "remove",
  domainName: string,
  region: string,
  cert?: string,
  reason?: string,
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
    `${kind === "add" ? "Revoked" : "Lifted the revocation of"} ${label} (issuer ${client.issuer}, serial ${client.serial}) on ${domainName}: lists version ${done.versionId}.\n`,
  );
  return 0;
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
  return warnings ? 1 : 0;
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
  return verdict.allow ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
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
  if (values.help) return (process.stdout.write(USAGE), 0);
  const [command, domainName, ...extra] = positionals;
  if (!command || !domainName || extra.length)
    throw new Error("A command and one DOMAIN are required.");
  if (values.reason && values.reason.length > 500)
    throw new Error("--reason is at most 500 characters.");
  const region = commandPlace(values.region);
  if (command === "add" || command === "remove")
    return change(command, domainName, region, values.cert, values.reason);
  if (command === "list") return list(domainName, region, values.json);
  if (command === "check") return check(domainName, region, values.cert, values.json);
  throw new Error(`Unknown command "${command}".`);
}

startEmbeddedIfNeeded();
runCli(() => main(process.argv.slice(2)), USAGE);
