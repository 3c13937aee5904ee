/**
 * The truststore CLI, for pipelines and terminals (`npm run --silent
 * truststore -- COMMAND`, or `mtls-console COMMAND`):
 *   check FILE [--json] [--at ISO-8601] [--expiring-days N]
 *   diff OLD NEW [--json] [--at ISO-8601]
 *   client CERT --truststore FILE [--json] [--at ISO-8601]
 *   probe https://HOST[:PORT]/PATH --cert C --key K [--ca CA] [--insecure] [--connect IP:PORT] [--json]
 * A file named `-` is standard input. Exit codes (scripts/cli-exit.ts):
 * check 0 ok, 1 warnings, 2 errors (file refused); diff 0, 1 when the change
 * refuses clients or adds warnings, 2 when a file is refused; client 0
 * accepted, 1 refused; probe 0 accepted, 1 refused (403 or handshake),
 * 2 untrusted server, 4 unreachable; 3 for bad usage or input everywhere.
 */
import { parseArgs } from "node:util";
import {
  checkTruststore,
  clientVerdict,
  diffTruststores,
  judgeClientCertificate,
  toJsonReport,
  type ClientVerdict,
} from "../lib/truststore";
import { formatClientCheck, formatDiff, formatReport } from "../lib/truststore/text-report";
import { asBadUsage, EXIT, runCli, UsageError, type ExitCode } from "./cli-exit";
import { formatProbe, probe, probeExitCode } from "./probe";
import { readInput, readTextInput } from "./read-input";

const NPM = "npm run --silent truststore --";

const COMMAND_USAGE = {
  check: "check FILE [--json] [--at ISO-8601] [--expiring-days N]",
  diff: "diff OLD NEW [--json] [--at ISO-8601]",
  client: "client CERT --truststore FILE [--json] [--at ISO-8601]",
  probe:
    "probe https://HOST[:PORT]/PATH --cert C.pem --key K.pem [--ca CA.pem] [--insecure] [--connect IP:PORT] [--json]",
} as const;

export type TruststoreCommand = keyof typeof COMMAND_USAGE;
export const TRUSTSTORE_COMMANDS = Object.keys(COMMAND_USAGE) as TruststoreCommand[];
const isCommand = (name: string | undefined): name is TruststoreCommand =>
  !!name && Object.hasOwn(COMMAND_USAGE, name);

/** The usage of every command, or of one; `prog` is how the CLI is called. */
export function usage(prog = NPM, command?: TruststoreCommand): string {
  const lines = (command ? [command] : TRUSTSTORE_COMMANDS).map(
    (c) => `  ${prog} ${COMMAND_USAGE[c]}`,
  );
  return `Usage:\n${lines.join("\n")}\nA file named - is read from standard input.\n`;
}

function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new UsageError(
      `--at wants an ISO-8601 time such as 2030-01-01T00:00:00Z, not "${value}"`,
    );
  return at;
}

function parseDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0 || days > 3650)
    throw new UsageError(
      `--expiring-days wants a whole number of days from 0 to 3650, not "${value}"`,
    );
  return days;
}

const CHECK_EXIT = { ok: EXIT.clean, warnings: EXIT.warnings, error: EXIT.errors } as const;
const CLIENT_EXIT: Record<ClientVerdict, ExitCode> = {
  accepted: EXIT.clean,
  refused: EXIT.warnings,
  "bad-input": EXIT.badInput,
};

export async function main(argv: string[], prog = NPM): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      at: { type: "string" },
      "expiring-days": { type: "string" },
      truststore: { type: "string" },
      cert: { type: "string" },
      key: { type: "string" },
      ca: { type: "string" },
      insecure: { type: "boolean", default: false },
      connect: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...files] = positionals;
  if (values.help) {
    process.stdout.write(usage(prog, isCommand(command) ? command : undefined));
    return EXIT.clean;
  }
  if (!command) throw new UsageError("A command is required.");
  const at = parseAt(values.at);
  const expiringDays = parseDays(values["expiring-days"]);
  const print = (json: unknown, text: string) =>
    process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);

  switch (command) {
    case "check": {
      if (files.length !== 1) throw new UsageError("check takes one FILE");
      const report = await checkTruststore(await readInput(files[0]!), { at, expiringDays });
      print(toJsonReport(report), formatReport(files[0]!, report));
      return CHECK_EXIT[report.verdict];
    }
    case "diff": {
      if (files.length !== 2) throw new UsageError("diff takes OLD and NEW");
      const [before, after] = await Promise.all(
        files.map(async (f) => checkTruststore(await readInput(f), { at, expiringDays })),
      );
      const diff = diffTruststores(before!, after!);
      const refused = [before!, after!].some((r) => r.verdict === "error");
      const refusesClients = diff.impacts.some((i) => i.kind === "refused");
      const warns = refusesClients || diff.impacts.some((i) => i.kind === "warning-added");
      print(
        { ...diff, oldVerdict: before!.verdict, newVerdict: after!.verdict, refusesClients },
        formatDiff(diff) +
          (refused ? "\nOne of the files is refused: run `check` on it for the reasons.\n" : ""),
      );
      return refused ? EXIT.errors : warns ? EXIT.warnings : EXIT.clean;
    }
    case "client": {
      if (files.length !== 1 || !values.truststore)
        throw new UsageError("client takes CERT and --truststore FILE");
      const result = await judgeClientCertificate(
        await readInput(values.truststore),
        await readInput(files[0]!),
        { at },
      );
      const verdict = clientVerdict(result);
      print({ ...result, verdict }, formatClientCheck(result));
      return CLIENT_EXIT[verdict];
    }
    case "probe": {
      if (files.length !== 1) throw new UsageError("probe takes one https:// URL");
      const text = async (path: string | undefined) =>
        path === undefined ? undefined : readTextInput(path);
      const options = {
        url: files[0]!,
        cert: await text(values.cert),
        key: await text(values.key),
        ca: await text(values.ca),
        insecure: values.insecure,
        connect: values.connect,
      };
      const result = await asBadUsage(() => probe(options));
      print(result, formatProbe(result));
      return probeExitCode(result);
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

if (import.meta.main) runCli(main, usage());
