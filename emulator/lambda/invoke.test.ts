/**
 * Running functions: Invoke through the real SDK and invokeFunction in
 * process, warm workers kept and replaced, function errors, timeouts and
 * crashes answered as AWS answers them, and a function whose own AWS SDK
 * reads S3 from the emulator.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import {
  CreateFunctionCommand,
  InvokeCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/failure";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { invokeFunction } from "./invoke";
import { createFunction, HANDLERS, lambdaClient, payloadOf, ROLE, zipOf } from "./test-functions";

let t: TestEmulator;
let lambda: ReturnType<typeof lambdaClient>;
beforeAll(async () => {
  t = await startTestEmulator();
  lambda = lambdaClient(t.endpoint);
});
afterAll(() => t.stop());

const ctxOf = () => t.emulator.context;
const invoke = (name: string, event: unknown = {}) =>
  lambda.send(
    new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)) }),
  );

describe("Invoke", () => {
  it("gives the handler its event, a context, and Lambda's environment", async () => {
    await createFunction(lambda, "echo", HANDLERS.echo, {
      Environment: { Variables: { REVOCATION_BUCKET: "revocations" } },
    });
    const out = await invoke("echo", { hello: "world" });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe("$LATEST");
    const { event, env, requestId, remaining } = payloadOf(out.Payload) as {
      event: unknown;
      env: Record<string, string>;
      requestId: string;
      remaining: number;
    };
    expect(event).toEqual({ hello: "world" });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(remaining).toBeGreaterThan(2000);
    expect(remaining).toBeLessThanOrEqual(3000);
    expect(env).toMatchObject({
      REVOCATION_BUCKET: "revocations",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_LAMBDA_FUNCTION_NAME: "echo",
      AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_SESSION_TOKEN: "test",
      AWS_ENDPOINT_URL: t.endpoint,
      AWS_EXECUTION_ENV: "AWS_Lambda_nodejs22.x",
    });
    expect(t.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The emulator's own environment stays out of the function's.
    expect(env.VITEST).toBeUndefined();
  });

  it("answers a thrown error as AWS does: 200, X-Amz-Function-Error: Unhandled", async () => {
    await createFunction(lambda, "throws", HANDLERS.throws);
    const out = await invoke("throws");
    expect([out.StatusCode, out.FunctionError]).toEqual([200, "Unhandled"]);
    expect(payloadOf(out.Payload)).toMatchObject({
      errorType: "TypeError",
      errorMessage: "the revocation list is unreadable",
      trace: expect.arrayContaining([expect.stringContaining("TypeError")]),
    });
    expect(await invokeFunction(ctxOf(), "us-east-1", "throws", {})).toEqual({
      ok: false,
      kind: "function-error",
      error: "TypeError: the revocation list is unreadable",
    });
  });

  it("keeps one warm worker per revision: module state survives, a change starts afresh", async () => {
    await createFunction(lambda, "counter", HANDLERS.counter);
    const counts = async () =>
      (payloadOf((await invoke("counter")).Payload) as { count: number }).count;
    expect([await counts(), await counts(), await counts()]).toEqual([1, 2, 3]);
    await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: "counter",
        Environment: { Variables: { MARKER: "second" } },
      }),
    );
    const after = payloadOf((await invoke("counter")).Payload);
    expect(after).toEqual({ count: 1, marker: "second" });
    expect(await counts()).toBe(2);
    await lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: "counter",
        ZipFile: zipOf({ "index.js": `exports.handler = async () => ({ count: "v2" });` }),
      }),
    );
    expect(await counts()).toBe("v2");
  });

  it("times out after the function's Timeout and starts a fresh worker next time", async () => {
    await createFunction(lambda, "sleeps", HANDLERS.sleeps, { Timeout: 1 });
    const started = Date.now();
    const out = await invoke("sleeps");
    expect(Date.now() - started).toBeLessThan(3000);
    expect([out.StatusCode, out.FunctionError]).toEqual([200, "Unhandled"]);
    expect(payloadOf(out.Payload)).toMatchObject({
      errorType: "Sandbox.Timedout",
      errorMessage: expect.stringMatching(/Task timed out after 1\.00 seconds$/),
    });
    const direct = await invokeFunction(ctxOf(), "us-east-1", "sleeps", {});
    expect(direct).toMatchObject({ ok: false, kind: "timeout" });
    expect(direct.ok ? "" : direct.error).toMatch(/Task timed out after 1\.00 seconds/);
    // A longer timeout lets the same code finish.
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "sleeps", Timeout: 3 }),
    );
    expect(payloadOf((await invoke("sleeps")).Payload)).toBe("late");
  });

  it("replaces a worker whose handler exits the process", async () => {
    await createFunction(lambda, "exits", HANDLERS.exits);
    expect(payloadOf((await invoke("exits")).Payload)).toEqual({ count: 1 });
    const crashed = await invoke("exits", { exit: true });
    expect(crashed.FunctionError).toBe("Unhandled");
    expect(payloadOf(crashed.Payload)).toMatchObject({
      errorType: "Runtime.ExitError",
      errorMessage: expect.stringContaining("Runtime exited with error: exit status 3"),
    });
    expect(payloadOf((await invoke("exits")).Payload)).toEqual({ count: 1 });
  });

  it("runs callback-style handlers", async () => {
    await createFunction(lambda, "callback", HANDLERS.callback);
    expect(payloadOf((await invoke("callback", { n: 21 })).Payload)).toEqual({ doubled: 42 });
  });

  it("loads ES module handlers and reports handlers that cannot be loaded", async () => {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: "esm",
        Runtime: "nodejs24.x",
        Role: ROLE,
        Handler: "src/app.main",
        Code: { ZipFile: zipOf({ "src/app.mjs": `export const main = async () => "esm";` }) },
      }),
    );
    expect(payloadOf((await invoke("esm")).Payload)).toBe("esm");
    for (const [handler, errorType] of [
      ["missing.handler", "Runtime.ImportModuleError"],
      ["src/app.absent", "Runtime.HandlerNotFound"],
    ]) {
      await lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: "esm", Handler: handler }),
      );
      const out = await invoke("esm");
      expect(out.FunctionError).toBe("Unhandled");
      expect(payloadOf(out.Payload)).toMatchObject({ errorType });
    }
  });

  it("refuses a missing function: 404 ResourceNotFoundException; not-found in process", async () => {
    const err = await errorOf(invoke("nowhere"));
    expect([err.name, err.status]).toEqual(["ResourceNotFoundException", 404]);
    expect(err.message).toBe(
      "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nowhere",
    );
    expect(await invokeFunction(ctxOf(), "us-east-1", "nowhere", {})).toMatchObject({
      ok: false,
      kind: "not-found",
    });
  });

  it("invokes by ARN in process and over the wire", async () => {
    const arn = "arn:aws:lambda:us-east-1:000000000000:function:callback";
    expect(await invokeFunction(ctxOf(), "eu-west-1", arn, { n: 2 })).toEqual({
      ok: true,
      payload: { doubled: 4 },
    });
    expect(payloadOf((await invoke(arn, { n: 3 })).Payload)).toEqual({ doubled: 6 });
  });

  it("lets a function's own AWS SDK read S3 from the emulator", async () => {
    const { s3 } = t.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "revocation-lists" }));
    await s3.send(
      new PutObjectCommand({ Bucket: "revocation-lists", Key: "crl.json", Body: '{"serials":[]}' }),
    );
    const s3Module = dirname(createRequire(import.meta.url).resolve("@aws-sdk/client-s3"));
    await createFunction(lambda, "s3-reader", HANDLERS.s3Reader, {
      Timeout: 20,
      Environment: { Variables: { S3_CLIENT_MODULE: s3Module } },
    });
    const out = await invoke("s3-reader", { bucket: "revocation-lists", key: "crl.json" });
    expect(out.FunctionError).toBeUndefined();
    expect(payloadOf(out.Payload)).toEqual({ body: '{"serials":[]}' });
  });
});

describe("stopping the emulator", () => {
  it("ends its workers and removes the unpacked code", async () => {
    const other = await startTestEmulator();
    const client = lambdaClient(other.endpoint);
    await createFunction(client, "echo", HANDLERS.echo);
    const out = await client.send(new InvokeCommand({ FunctionName: "echo" }));
    const root = (payloadOf(out.Payload) as { env: { LAMBDA_TASK_ROOT: string } }).env
      .LAMBDA_TASK_ROOT;
    expect(existsSync(`${root}/index.js`)).toBe(true);
    await other.stop();
    expect(existsSync(root)).toBe(false);
  });
});
