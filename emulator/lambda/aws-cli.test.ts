/**
 * A cross-check with a client we did not write: Debian's AWS CLI creates
 * a function from a zip file, invokes it and reads it back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, awsCliAvailable, AWS_CLI, type AwsCli } from "../../test-support/aws-cli";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { HANDLERS, ROLE, zipOf } from "./test-functions";

if (!awsCliAvailable && process.env.CI)
  throw new Error(
    `The AWS CLI cross-check needs ${AWS_CLI} (Debian package awscli); .ci/run installs it.`,
  );

describe.skipIf(!awsCliAvailable)("AWS CLI against the emulator's Lambda", () => {
  let t: TestEmulator;
  let aws: AwsCli;
  const dir = mkdtempSync(join(tmpdir(), "aws-cli-lambda-"));
  beforeAll(async () => {
    t = await startTestEmulator();
    aws = awsCli(t.endpoint, dir);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("create-function from a zip file, invoke, get-function, a function error", async () => {
    const zip = join(dir, "function.zip");
    writeFileSync(zip, zipOf({ "index.js": HANDLERS.echo }));
    const created = await aws(
      "lambda",
      "create-function",
      "--function-name",
      "cli-echo",
      "--runtime",
      "nodejs22.x",
      "--role",
      ROLE,
      "--handler",
      "index.handler",
      "--zip-file",
      `fileb://${zip}`,
      "--environment",
      "Variables={GREETING=hello}",
    );
    expect(created).toMatchObject({
      FunctionName: "cli-echo",
      Runtime: "nodejs22.x",
      Timeout: 3,
      Environment: { Variables: { GREETING: "hello" } },
    });
    const out = join(dir, "out.json");
    const invoked = await aws(
      "lambda",
      "invoke",
      "--function-name",
      "cli-echo",
      // As AWS's documentation writes it: the CLI reads blobs as base64 unless told.
      "--cli-binary-format",
      "raw-in-base64-out",
      "--payload",
      '{"hello":"cli"}',
      out,
    );
    expect(invoked).toMatchObject({ StatusCode: 200, ExecutedVersion: "$LATEST" });
    const answer = JSON.parse(readFileSync(out, "utf8")) as {
      event: unknown;
      env: Record<string, string>;
    };
    expect(answer.event).toEqual({ hello: "cli" });
    expect(answer.env.GREETING).toBe("hello");
    const read = await aws("lambda", "get-function", "--function-name", "cli-echo");
    expect(read.Configuration).toMatchObject({
      FunctionName: "cli-echo",
      CodeSha256: created.CodeSha256,
    });

    writeFileSync(zip, zipOf({ "index.js": HANDLERS.throws }));
    await aws(
      "lambda",
      "update-function-code",
      "--function-name",
      "cli-echo",
      "--zip-file",
      `fileb://${zip}`,
    );
    const failed = await aws("lambda", "invoke", "--function-name", "cli-echo", out);
    expect(failed).toMatchObject({ StatusCode: 200, FunctionError: "Unhandled" });
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ errorType: "TypeError" });
  });
});
