/**
 * How the CLI scripts end: the exit code their `main` returns, or 2 with
 * the message and the usage when it throws (bad usage, AWS unreachable).
 * The process ends then, even while the embedded emulator (or a kept
 * connection) would keep it alive: stdout on Linux pipes and files is
 * written synchronously, so nothing printed is lost.
 */
export function runCli(main: () => Promise<number>, usage: string): void {
  main()
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`${(error as Error).message}\n\n${usage}`);
        process.exitCode = 2;
      },
    )
    .finally(() => setImmediate(() => process.exit()));
}
