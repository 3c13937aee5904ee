/**
 * Lambda's control plane through the real SDK: functions created, read by
 * name and ARN, listed in pages, updated, deleted; resource policies; the
 * refusals in Lambda's wire shape; a function kept in a --state file.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  InvokeCommand,
  ListFunctionsCommand,
  RemovePermissionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/failure";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { createFunction, HANDLERS, lambdaClient, payloadOf, ROLE, zipOf } from "./test-functions";

let t: TestEmulator;
let lambda: ReturnType<typeof lambdaClient>;
beforeAll(async () => {
  t = await startTestEmulator();
  lambda = lambdaClient(t.endpoint);
});
afterAll(() => t.stop());

const ARN = "arn:aws:lambda:us-east-1:000000000000:function";

describe("functions", () => {
  it("creates a function as AWS reports it, and reads it by name or ARN", async () => {
    const zip = zipOf({ "index.js": HANDLERS.echo });
    const created = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: "authorizer",
        Runtime: "nodejs24.x",
        Role: ROLE,
        Handler: "index.handler",
        Code: { ZipFile: zip },
        Description: "Refuses revoked client certificates",
        MemorySize: 256,
        Environment: { Variables: { STAGE: "test" } },
      }),
    );
    expect(created).toMatchObject({
      FunctionName: "authorizer",
      FunctionArn: `${ARN}:authorizer`,
      Runtime: "nodejs24.x",
      Role: ROLE,
      Handler: "index.handler",
      Timeout: 3,
      MemorySize: 256,
      Description: "Refuses revoked client certificates",
      CodeSize: zip.length,
      CodeSha256: createHash("sha256").update(zip).digest("base64"),
      Version: "$LATEST",
      Environment: { Variables: { STAGE: "test" } },
      State: "Active",
      LastUpdateStatus: "Successful",
      PackageType: "Zip",
    });
    expect(created.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const byArn = await lambda.send(new GetFunctionCommand({ FunctionName: `${ARN}:authorizer` }));
    expect({ ...byArn.Configuration, $metadata: created.$metadata }).toEqual(created);
    expect(byArn.Code?.RepositoryType).toBe("S3");
    const code = await fetch(byArn.Code!.Location!);
    expect(Buffer.from(await code.arrayBuffer())).toEqual(Buffer.from(zip));
    const partial = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "000000000000:function:authorizer" }),
    );
    expect(partial.RevisionId).toBe(created.RevisionId);
    const dup = await errorOf(createFunction(lambda, "authorizer", HANDLERS.echo));
    expect([dup.name, dup.status, dup.message]).toEqual([
      "ResourceConflictException",
      409,
      "Function already exist: authorizer",
    ]);
  });

  it("refuses other runtimes, reserved variables and files that are not zips", async () => {
    const base = {
      Role: ROLE,
      Handler: "index.handler",
      Code: { ZipFile: zipOf({ "index.js": "" }) },
    };
    for (const runtime of ["python3.12", "nodejs18.x"]) {
      const err = await errorOf(
        lambda.send(
          new CreateFunctionCommand({
            ...base,
            FunctionName: "f",
            Runtime: runtime as "nodejs22.x",
          }),
        ),
      );
      expect([err.name, err.status]).toEqual(["InvalidParameterValueException", 400]);
      expect(err.message).toContain(`The runtime parameter of ${runtime}`);
    }
    const reserved = await errorOf(
      createFunction(lambda, "f", "", { Environment: { Variables: { AWS_REGION: "x" } } }),
    );
    expect(reserved.message).toMatch(/Reserved keys used in this request: AWS_REGION$/);
    const notZip = await errorOf(
      lambda.send(
        new CreateFunctionCommand({
          ...base,
          FunctionName: "f",
          Runtime: "nodejs20.x",
          Code: { ZipFile: Buffer.from("nope") },
        }),
      ),
    );
    expect([notZip.name, notZip.message]).toEqual([
      "InvalidParameterValueException",
      "Could not unzip uploaded file. Please check your file, then try to upload again.",
    ]);
  });

  it("answers errors in Lambda's wire shape", async () => {
    const missing = await fetch(`${t.endpoint}/2015-03-31/functions/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
    expect(await missing.json()).toEqual({
      Type: "User",
      Message: `Function not found: ${ARN}:nowhere`,
    });
    const bad = await fetch(`${t.endpoint}/2015-03-31/functions`, {
      method: "POST",
      body: JSON.stringify({ FunctionName: "f", Runtime: "java21", Role: ROLE, Handler: "a.b" }),
    });
    expect(bad.headers.get("x-amzn-errortype")).toBe("InvalidParameterValueException");
    expect(await bad.json()).toEqual({
      Type: "User",
      message: expect.stringContaining("The runtime parameter of java21"),
    });
  });

  it("lists in pages, updates code and configuration, deletes", async () => {
    for (const name of ["list-a", "list-b", "list-c"])
      await createFunction(lambda, name, HANDLERS.counter);
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await lambda.send(new ListFunctionsCommand({ MaxItems: 2, Marker: marker }));
      names.push(...(page.Functions ?? []).map((f) => f.FunctionName!));
      marker = page.NextMarker;
    } while (marker);
    expect(names.filter((n) => n.startsWith("list-"))).toEqual(["list-a", "list-b", "list-c"]);
    expect(new Set(names).size).toBe(names.length);

    const before = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "list-a" }),
    );
    const configured = await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: `${ARN}:list-a`,
        Timeout: 10,
        Handler: "main.handler",
        Environment: { Variables: { MARKER: "x" } },
      }),
    );
    expect(configured).toMatchObject({
      Timeout: 10,
      Handler: "main.handler",
      CodeSha256: before.CodeSha256,
    });
    expect(configured.Environment?.Variables).toEqual({ MARKER: "x" });
    expect(configured.RevisionId).not.toBe(before.RevisionId);
    const zip = zipOf({ "main.js": `exports.handler = async () => "main";` });
    const recoded = await lambda.send(
      new UpdateFunctionCodeCommand({ FunctionName: "list-a", ZipFile: zip }),
    );
    expect(recoded.CodeSha256).toBe(createHash("sha256").update(zip).digest("base64"));
    const out = await lambda.send(new InvokeCommand({ FunctionName: "list-a" }));
    expect(payloadOf(out.Payload)).toBe("main");
    const stale = await errorOf(
      lambda.send(
        new UpdateFunctionCodeCommand({
          FunctionName: "list-a",
          ZipFile: zip,
          RevisionId: before.RevisionId,
        }),
      ),
    );
    expect([stale.name, stale.status]).toEqual(["PreconditionFailedException", 412]);

    await lambda.send(new DeleteFunctionCommand({ FunctionName: "list-a" }));
    const gone = await errorOf(lambda.send(new GetFunctionCommand({ FunctionName: "list-a" })));
    expect([gone.name, gone.status]).toEqual(["ResourceNotFoundException", 404]);
  });

  it("stores resource policy statements", async () => {
    await createFunction(lambda, "with-policy", HANDLERS.echo);
    const none = await errorOf(lambda.send(new GetPolicyCommand({ FunctionName: "with-policy" })));
    expect(none.name).toBe("ResourceNotFoundException");
    const added = await lambda.send(
      new AddPermissionCommand({
        FunctionName: "with-policy",
        StatementId: "apigateway-invoke",
        Action: "lambda:InvokeFunction",
        Principal: "apigateway.amazonaws.com",
        SourceArn: "arn:aws:execute-api:us-east-1:000000000000:abc123/authorizers/*",
      }),
    );
    const statement = {
      Sid: "apigateway-invoke",
      Effect: "Allow",
      Principal: { Service: "apigateway.amazonaws.com" },
      Action: "lambda:InvokeFunction",
      Resource: `${ARN}:with-policy`,
      Condition: {
        ArnLike: {
          "AWS:SourceArn": "arn:aws:execute-api:us-east-1:000000000000:abc123/authorizers/*",
        },
      },
    };
    expect(JSON.parse(added.Statement!)).toEqual(statement);
    const policy = await lambda.send(new GetPolicyCommand({ FunctionName: "with-policy" }));
    expect(JSON.parse(policy.Policy!)).toEqual({
      Version: "2012-10-17",
      Id: "default",
      Statement: [statement],
    });
    const again = await errorOf(
      lambda.send(
        new AddPermissionCommand({
          FunctionName: "with-policy",
          StatementId: "apigateway-invoke",
          Action: "lambda:InvokeFunction",
          Principal: "apigateway.amazonaws.com",
        }),
      ),
    );
    expect([again.name, again.status]).toEqual(["ResourceConflictException", 409]);
    await lambda.send(
      new RemovePermissionCommand({
        FunctionName: "with-policy",
        StatementId: "apigateway-invoke",
      }),
    );
    const removed = await errorOf(
      lambda.send(
        new RemovePermissionCommand({
          FunctionName: "with-policy",
          StatementId: "apigateway-invoke",
        }),
      ),
    );
    expect(removed.message).toBe("Statement apigateway-invoke is not found in resource policy.");
  });
});

describe("--state", () => {
  it("keeps functions across a restart and runs them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lambda-state-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startTestEmulator({ stateFile });
      await createFunction(lambdaClient(first.endpoint), "kept", HANDLERS.callback);
      await first.stop();
      const second = await startTestEmulator({ stateFile });
      const out = await lambdaClient(second.endpoint).send(
        new InvokeCommand({ FunctionName: "kept", Payload: Buffer.from('{"n":5}') }),
      );
      expect(payloadOf(out.Payload)).toEqual({ doubled: 10 });
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
