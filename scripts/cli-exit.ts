/**
 * The one exit-code contract of every CLI (`mtls-console COMMAND` and the
 * `npm run` scripts), and how they end: the code their `main` returns, or
 * the code of what it throws, with the message (and the usage, for bad
 * usage) on stderr. The process ends then, even while the embedded
 * emulator (or a kept connection) would keep it alive: stdout on Linux
 * pipes and files is written synchronously, so nothing printed is lost.
 */

export const EXIT = { clean: 0, warnings: 1, errors: 2, badInput: 3, unreachable: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each code means, as `mtls-console help` and the README's table say it. */
export const EXIT_MEANINGS: readonly (readonly [ExitCode, string])[] = [
  [EXIT.clean, "clean: nothing found, the client accepted, the change done"],
  [
    EXIT.warnings,
    "warnings, or this change refuses clients: a client refused, a diff that removes a CA",
  ],
  [
    EXIT.errors,
    "errors found: a refused file, error findings, a broken audit trail, a refused change, an untrusted server",
  ],
  [
    EXIT.badInput,
    "bad input or usage: an unknown command or option, an unreadable file, a file that is not what the command wants",
  ],
  [
    EXIT.unreachable,
    "could not reach AWS (network, credentials, no AWS configuration for watch), the webhook or the SNS topic",
  ],
];

/** Bad usage or bad input: exit 3, with the usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** What the command needs could not be reached: exit 4. */
export class UnreachableError extends Error {
  override name = "UnreachableError";
  readonly unreachable = true;
}

/** What `read` throws is bad usage (exit 3): an option's value the command cannot use. */
export async function asBadUsage<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/**
 * The code of a failure: bad usage 3; 4 for an error that says it never
 * reached its far end (UnreachableError, an AwsFailure of the network or
 * the credentials); anything else 2.
 */
export function exitCodeOf(error: unknown): ExitCode {
  const e = error as { code?: unknown; unreachable?: unknown } | null;
  if (
    error instanceof UsageError ||
    (typeof e?.code === "string" && e.code.startsWith("ERR_PARSE_ARGS"))
  )
    return EXIT.badInput;
  if (e?.unreachable === true) return EXIT.unreachable;
  return EXIT.errors;
}

/** The code of a report's findings: any error 2, else any warning 1, else 0. */
export function findingsExit(severities: Iterable<string>): ExitCode {
  let code: ExitCode = EXIT.clean;
  for (const severity of severities) {
    if (severity === "error") return EXIT.errors;
    if (severity === "warning") code = EXIT.warnings;
  }
  return code;
}

/** Says what failed on stderr (with the usage for bad usage); its exit code. */
export function reportFailure(error: unknown, usage: string): ExitCode {
  const code = exitCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(code === EXIT.badInput ? `${message}\n\n${usage}` : `${message}\n`);
  return code;
}

/** Runs a CLI's `main` on the process's arguments and ends the process with its code. */
export function runCli(main: (argv: string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2))
    .catch((error: unknown) => reportFailure(error, usage))
    .then((code) => {
      process.exitCode = code;
    })
    .finally(() => setImmediate(() => process.exit()));
}
