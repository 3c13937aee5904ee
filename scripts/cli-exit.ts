/**
 * How the CLI scripts end: the exit code their `main` returns, or 2 with
 * the message and the usage when it throws (bad usage, AWS unreachable).
 */
export function runCli(main: () => Promise<number>, usage: string): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n\n${usage}`);
      process.exitCode = 2;
    },
  );
}
