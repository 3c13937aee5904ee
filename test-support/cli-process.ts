/**
 * The project's CLIs as a scheduler, a pipeline or an operator runs them: a
 * real process, its exit code and output. `runAwsCli` runs one of the
 * AWS-reading scripts (`tsx --conditions=react-server scripts/NAME.ts`)
 * pointed at an AWS endpoint with test credentials.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  /** The whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** What the process reads on standard input (default: nothing, and its end). */
  input?: string | Uint8Array;
  cwd?: string;
}

/** Runs `file` with `args` to its end; a non-zero exit is a result, not a failure. */
export function runProcess(
  file: string,
  args: string[],
  options: ProcessOptions = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { env: options.env ?? process.env, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: unknown }).code) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? "");
  });
}

/** The environment of a CLI pointed at `endpoint` with test credentials; null: no AWS configuration at all. */
export function awsCliEnv(
  endpoint: string | null,
  env: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const aws =
    endpoint === null
      ? { HOME: noAwsHome() }
      : {
          HOME: process.env.HOME,
          AWS_ENDPOINT_URL: endpoint,
          AWS_ACCESS_KEY_ID: "test",
          AWS_SECRET_ACCESS_KEY: "test",
          AWS_REGION: "us-east-1",
          MTLS_CONSOLE_BACKEND: "aws",
        };
  return { NODE_ENV: "test", PATH: process.env.PATH, ...aws, ...env };
}

export function runAwsCli(
  script: string,
  args: string[],
  /** null: no AWS configuration at all (no endpoint, keys, profile, nor ~/.aws: HOME is `noAwsHome`). */
  endpoint: string | null,
  env: Record<string, string> = {},
  input?: string,
): Promise<CliRun> {
  return runProcess(
    join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", script, ...args],
    { env: awsCliEnv(endpoint, env), input },
  );
}

/** An empty home folder: no ~/.aws, so the SDK finds no configuration. */
function noAwsHome(): string {
  return mkdtempSync(join(tmpdir(), "no-aws-home-"));
}
