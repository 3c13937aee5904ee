/**
 * Lambda functions in the emulator's state: finding one by name or ARN,
 * the checks AWS makes on a function's settings and code, and the
 * FunctionConfiguration AWS answers with.
 */
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { AwsError, type Context } from "../http";
import { lambdaFunctionKey, type LambdaFunction } from "../state";
import { functionNotFound, invalidParameter } from "./errors";

/** The Node.js runtimes the emulator runs (in its own Node.js, whatever the version named). */
export const RUNTIMES = ["nodejs24.x", "nodejs22.x", "nodejs20.x"];

/** Variables Lambda sets itself and refuses in Environment.Variables. */
export const RESERVED_VARIABLES = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
];

export const functionArn = (account: string, region: string, name: string) =>
  `arn:aws:lambda:${region}:${account}:function:${name}`;

/**
 * A function's name and region from what AWS accepts: the name, the full
 * ARN or the partial one (ACCOUNT:function:NAME), each optionally with the
 * $LATEST qualifier. Other qualifiers (versions, aliases) do not exist here.
 */
export function functionRef(
  account: string,
  region: string,
  nameOrArn: string,
): { region: string; name: string } {
  const full = /^arn:aws[\w-]*:lambda:([\w-]+):(\d{12}):function:([^:]+)(?::(.+))?$/.exec(
    nameOrArn,
  );
  const partial = /^(\d{12}):function:([^:]+)(?::(.+))?$/.exec(nameOrArn);
  const plain = /^([^:]+)(?::(.+))?$/.exec(nameOrArn);
  const [ref, qualifier] = full
    ? [{ region: full[1]!, name: full[3]! }, full[4]]
    : partial
      ? [{ region, name: partial[2]! }, partial[3]]
      : [{ region, name: plain?.[1] ?? nameOrArn }, plain?.[2]];
  if (qualifier !== undefined && qualifier !== "$LATEST")
    throw functionNotFound(account, ref.region, `${ref.name}:${qualifier}`);
  return ref;
}

export function findFunction(
  ctx: Context,
  region: string,
  nameOrArn: string,
): LambdaFunction | undefined {
  const ref = functionRef(ctx.account, region, nameOrArn);
  return ctx.state.lambdaFunctions[lambdaFunctionKey(ref.region, ref.name)];
}

export function requireFunction(ctx: Context, region: string, nameOrArn: string): LambdaFunction {
  const fn = findFunction(ctx, region, nameOrArn);
  if (!fn) {
    const ref = functionRef(ctx.account, region, nameOrArn);
    throw functionNotFound(ctx.account, ref.region, ref.name);
  }
  return fn;
}

export function checkRuntime(runtime: unknown): string {
  if (typeof runtime === "string" && RUNTIMES.includes(runtime)) return runtime;
  if (typeof runtime === "string" && /^nodejs(\d+)\.x$/.test(runtime))
    throw invalidParameter(
      `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`,
    );
  throw invalidParameter(
    `The runtime parameter of ${String(runtime)} is not supported by this emulator: it runs ${RUNTIMES.join(", ")}.`,
  );
}

export function checkEnvironment(variables: unknown): Record<string, string> {
  if (variables === undefined || variables === null) return {};
  if (typeof variables !== "object" || Array.isArray(variables))
    throw invalidParameter("Environment.Variables must be a map of strings.");
  const reserved = Object.keys(variables).filter((key) => RESERVED_VARIABLES.includes(key));
  if (reserved.length > 0)
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(", ")}`,
    );
  return Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)]));
}

export function checkTimeout(timeout: unknown): number {
  if (typeof timeout === "number" && Number.isInteger(timeout) && timeout >= 1 && timeout <= 900)
    return timeout;
  throw validation(
    `Value '${String(timeout)}' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900`,
  );
}

export function checkMemorySize(memorySize: unknown): number {
  if (
    typeof memorySize === "number" &&
    Number.isInteger(memorySize) &&
    memorySize >= 128 &&
    memorySize <= 10240
  )
    return memorySize;
  throw validation(
    `Value '${String(memorySize)}' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240`,
  );
}

export function checkHandler(handler: unknown): string {
  if (typeof handler === "string" && /^[^\s]+$/.test(handler) && handler.length <= 128)
    return handler;
  throw validation(
    `Value '${String(handler)}' at 'handler' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+`,
  );
}

export function checkRole(role: unknown): string {
  if (typeof role === "string" && /^arn:aws[\w-]*:iam::\d{12}:role\/.+$/.test(role)) return role;
  throw validation(
    `Value '${String(role)}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`,
  );
}

const validation = (detail: string) =>
  new AwsError(400, "ValidationException", `1 validation error detected: ${detail}`);

/** The code's fields from a base64 zip; a file that is not a zip is refused as AWS refuses it. */
export function codeOf(
  zipBase64: unknown,
): Pick<LambdaFunction, "zipBase64" | "codeSha256" | "codeSize"> {
  if (typeof zipBase64 !== "string" || zipBase64 === "")
    throw invalidParameter("Please provide a source for function code.");
  const zip = Buffer.from(zipBase64, "base64");
  try {
    unzipSync(zip);
  } catch {
    throw invalidParameter(
      "Could not unzip uploaded file. Please check your file, then try to upload again.",
    );
  }
  return {
    zipBase64: zip.toString("base64"),
    codeSha256: createHash("sha256").update(zip).digest("base64"),
    codeSize: zip.length,
  };
}

/** AWS's LastModified: 2024-05-01T12:00:00.000+0000. */
const lastModified = (ms: number) => new Date(ms).toISOString().replace("Z", "+0000");

/** FunctionConfiguration, as GetFunctionConfiguration and the writes answer. */
export function configurationOf(account: string, fn: LambdaFunction) {
  return {
    FunctionName: fn.name,
    FunctionArn: functionArn(account, fn.region, fn.name),
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: lastModified(fn.lastModified),
    CodeSha256: fn.codeSha256,
    Version: "$LATEST",
    ...(Object.keys(fn.environment).length > 0
      ? { Environment: { Variables: fn.environment } }
      : {}),
    TracingConfig: { Mode: "PassThrough" },
    RevisionId: fn.revisionId,
    State: "Active",
    LastUpdateStatus: "Successful",
    PackageType: "Zip",
    Architectures: ["x86_64"],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
    LoggingConfig: { LogFormat: "Text", LogGroup: `/aws/lambda/${fn.name}` },
  };
}
