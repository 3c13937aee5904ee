/**
 * `mtls-console`: every CLI of the project behind one command, as the
 * package installs it (dist/mtls-console.mjs, built by cli/package-bundle.ts).
 * Each command is a script's own `main` (scripts/*.ts, which `npm run` runs
 * too), with one exit-code contract (scripts/cli-exit.ts).
 *   mtls-console check|diff|client|probe …   the truststore CLI's commands
 *   mtls-console watch|revocation|audit …    the AWS-reading CLIs
 *   mtls-console help [COMMAND], COMMAND --help, --version
 */
import { version } from "../package.json";
import * as audit from "../scripts/audit";
import { EXIT, EXIT_MEANINGS, reportFailure, runCli, UsageError } from "../scripts/cli-exit";
import * as revocation from "../scripts/revocation";
import * as truststore from "../scripts/truststore";
import * as watch from "../scripts/watch";

const PROG = "mtls-console";

// The bundle carries its own AWS SDK release, so the SDK's notice that its
// later releases will need Node.js 22 concerns nobody running this file; on
// Node.js 20 it would land in every cron mail (the user's own setting wins).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

interface Command {
  summary: string;
  usage: () => string;
  run: (argv: string[]) => Promise<number>;
}

/** One command of the truststore CLI, called by its own name. */
const truststoreCommand = (name: truststore.TruststoreCommand, summary: string): Command => ({
  summary,
  usage: () => truststore.usage(PROG, name),
  run: (argv) => truststore.main([name, ...argv], PROG),
});

/** A CLI of its own, called by its name: `mtls-console NAME …`. */
const scriptCommand = (
  name: string,
  script: {
    usage: (prog: string) => string;
    main: (argv: string[], prog: string) => Promise<number>;
  },
  summary: string,
): Command => ({
  summary,
  usage: () => script.usage(`${PROG} ${name}`),
  run: (argv) => script.main(argv, `${PROG} ${name}`),
});

const COMMANDS: Record<string, Command> = {
  check: truststoreCommand("check", "a truststore checked with API Gateway's rules"),
  diff: truststoreCommand("diff", "what a new truststore adds and removes, and whom it refuses"),
  client: truststoreCommand("client", "whether API Gateway would accept a client certificate"),
  probe: truststoreCommand(
    "probe",
    "a real mutual TLS handshake and request, with a client certificate",
  ),
  watch: scriptCommand("watch", watch, "what will stop clients soon, in every mTLS domain"),
  revocation: scriptCommand(
    "revocation",
    revocation,
    "a domain's revocation lists: add, remove, list, check",
  ),
  audit: scriptCommand("audit", audit, "the console's audit trail, verified"),
};

export const usage = () => {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 3;
  return [
    `Usage: ${PROG} COMMAND [ARGUMENTS] [--json]`,
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`),
    "",
    `  ${PROG} help [COMMAND]   a command's usage (also: ${PROG} COMMAND --help)`,
    `  ${PROG} --version`,
    "",
    "A file named - is read from standard input. The AWS commands use the standard AWS",
    "configuration (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, …), as the dashboard does.",
    "",
    "Exit codes, every command:",
    ...EXIT_MEANINGS.map(([code, meaning]) => `  ${code}  ${meaning}`),
    "",
  ].join("\n");
};

function commandNamed(name: string): Command {
  if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`Unknown command "${name}".`);
  return COMMANDS[name]!;
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "--version") {
    process.stdout.write(`${version}\n`);
    return EXIT.clean;
  }
  if (first === "help" || first === "--help" || first === "-h") {
    if (rest[0] === undefined) {
      process.stdout.write(usage());
      return EXIT.clean;
    }
    return commandNamed(rest[0]).run(["--help"]);
  }
  if (first === undefined) throw new UsageError("A command is required.");
  const command = commandNamed(first);
  // A command's failure is told with the command's own usage.
  return command.run(rest).catch((error: unknown) => reportFailure(error, command.usage()));
}

if (import.meta.main) runCli(main, usage());
