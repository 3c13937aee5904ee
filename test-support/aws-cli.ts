/**
 * The AWS CLI (a client we did not write) against a local endpoint, with
 * test credentials and its own empty home: by arguments, or a command line
 * run through a shell exactly as AWS's documentation prints it.
 */
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
/** Debian's package installs /usr/bin/aws; AWS_CLI names another. */
export const AWS_CLI = process.env.AWS_CLI ?? "/usr/bin/aws";
export const awsCliAvailable = existsSync(AWS_CLI);

export interface AwsCli {
  /** `aws --endpoint-url … --output json ARGS`, its JSON answer. */
  (...args: string[]): Promise<Record<string, unknown>>;
  /** A command line as the docs print it ("aws …", quotes and all), run by bash in `dir`. */
  shell(commandLine: string): Promise<Record<string, unknown>>;
  /** Writes a file in `dir`; returns its path. */
  file(name: string, content: string): string;
}

export function awsCli(endpoint: string, dir: string): AwsCli {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test" as const,
    PATH: `${join(dir, "bin")}:${process.env.PATH}`,
    HOME: dir,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_PAGER: "",
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
  };
  const parse = (stdout: string) =>
    stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  const cli = (async (...args: string[]) =>
    parse(
      (await run(AWS_CLI, ["--endpoint-url", endpoint, "--output", "json", ...args], { env }))
        .stdout,
    )) as AwsCli;
  cli.shell = async (commandLine: string) => {
    // "aws" on the line is this CLI, pointed at the endpoint, answering JSON.
    const shim = join(dir, "bin", "aws");
    if (!existsSync(shim)) {
      mkdirSync(join(dir, "bin"), { recursive: true });
      writeFileSync(
        shim,
        `#!/bin/sh\nexec "${AWS_CLI}" --endpoint-url "${endpoint}" --output json "$@"\n`,
      );
      chmodSync(shim, 0o755);
    }
    const { stdout } = await run("bash", ["-c", commandLine], { env, cwd: dir });
    // Some commands (aws s3 cp) print text, not JSON.
    return stdout.trim().startsWith("{") ? parse(stdout) : { text: stdout.trim() };
  };
  cli.file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  return cli;
}
