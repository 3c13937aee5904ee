/**
 * The truststore CLI, for pipelines and terminals:
 *   check FILE [--json] [--at ISO-8601] [--expiring-days N]
 *   diff OLD NEW [--json] [--at ISO-8601]
 *   client CERT --truststore FILE [--json] [--at ISO-8601]
 *   probe https://HOST[:PORT]/PATH --cert C --key K [--ca CA] [--insecure] [--connect IP:PORT] [--json]
 * Exit codes: check 0 ok, 1 warnings, 2 errors (file refused) or bad usage;
 * diff 0, 2 when a file is refused; client 0 accepted, 1 refused, 2 bad input;
 * probe 0 accepted, 1 refused (403 or handshake), 2 bad input or unreachable.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  judgeClientCertificate,
  checkTruststore,
  diffTruststores,
  toJsonReport,
} from "../lib/truststore";
import { formatClientCheck, formatDiff, formatReport } from "../lib/truststore/text-report";
import { formatProbe, probe, probeExitCode } from "./probe";

const USAGE = `Usage:
  npm run --silent truststore -- check FILE [--json] [--at ISO-8601] [--expiring-days N]
  npm run --silent truststore -- diff OLD NEW [--json] [--at ISO-8601]
  npm run --silent truststore -- client CERT --truststore FILE [--json] [--at ISO-8601]
  npm run --silent truststore -- probe https://HOST[:PORT]/PATH --cert C.pem --key K.pem [--ca CA.pem] [--insecure] [--connect IP:PORT] [--json]
`;

class UsageError extends Error {}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `No such file: ${path}` : `Cannot read ${path} (${code ?? "error"})`,
    );
  }
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

async function main(argv: string[]): Promise<number> {
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
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const at = parseAt(values.at);
  const expiringDays = parseDays(values["expiring-days"]);
  const print = (json: unknown, text: string) =>
    process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);

  switch (command) {
    case "check": {
      if (files.length !== 1) throw new UsageError("check takes one FILE");
      const report = await checkTruststore(await readInput(files[0]!), { at, expiringDays });
      print(toJsonReport(report), formatReport(files[0]!, report));
      return report.verdict === "ok" ? 0 : report.verdict === "warnings" ? 1 : 2;
    }
    case "diff": {
      if (files.length !== 2) throw new UsageError("diff takes OLD and NEW");
      const [before, after] = await Promise.all([
        checkTruststore(await readInput(files[0]!), { at, expiringDays }),
        checkTruststore(await readInput(files[1]!), { at, expiringDays }),
      ]);
      const diff = diffTruststores(before, after);
      const refused = [before, after].some((r) => r.verdict === "error");
      print(
        { ...diff, oldVerdict: before.verdict, newVerdict: after.verdict },
        formatDiff(diff) +
          (refused ? "\nOne of the files is refused: run `check` on it for the reasons.\n" : ""),
      );
      return refused ? 2 : 0;
    }
    case "client": {
      if (files.length !== 1 || !values.truststore)
        throw new UsageError("client takes CERT and --truststore FILE");
      const result = await judgeClientCertificate(
        await readInput(values.truststore),
        await readInput(files[0]!),
        { at },
      );
      print(result, formatClientCheck(result));
      if (result.accepted) return 0;
      return result.refusals.some(
        (r) => r.code === "no-client-certificate" || r.code === "truststore-unusable",
      )
        ? 2
        : 1;
    }
    case "probe": {
      if (files.length !== 1) throw new UsageError("probe takes one https:// URL");
      const text = async (path: string | undefined) =>
        path ? new TextDecoder().decode(await readInput(path)) : undefined;
      let result;
      try {
        result = await probe({
          url: files[0]!,
          cert: await text(values.cert),
          key: await text(values.key),
          ca: await text(values.ca),
          insecure: values.insecure,
          connect: values.connect,
        });
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      print(result, formatProbe(result));
      return probeExitCode(result);
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    } else {
      process.stderr.write(`Unexpected failure: ${(error as Error).message}\n`);
    }
    process.exitCode = 2;
  },
);
