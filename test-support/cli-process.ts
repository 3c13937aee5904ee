/**
 * One of the project's AWS-reading CLIs as a scheduler or an operator runs
 * it: a real process (`tsx --conditions=react-server scripts/NAME.ts`)
 * pointed at an AWS endpoint with test credentials; its exit code and output.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runAwsCli(
  script: string,
  args: string[],
  /** null: no AWS configuration at all (no endpoint, keys, profile, nor ~/.aws: HOME is `noAwsHome`). */
  endpoint: string | null,
  env: Record<string, string> = {},
): Promise<CliRun> {
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
  try {
    const { stdout, stderr } = await run(
      join("node_modules", ".bin", "tsx"),
      ["--conditions=react-server", script, ...args],
      {
        env: {
          NODE_ENV: "test",
          PATH: process.env.PATH,
          ...aws,
          ...env,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** An empty home folder: no ~/.aws, so the SDK finds no configuration. */
function noAwsHome(): string {
  return mkdtempSync(join(tmpdir(), "no-aws-home-"));
}
