/**
 * Lambda's function operations on the wire (REST-JSON under
 * /2015-03-31/functions): create, read, list, delete, and update a
 * function's code or configuration.
 */
import {
  AwsError,
  json,
  parseJsonBody,
  type Context,
  type EmulatorRequest,
  type Reply,
} from "../http";
import type { Handler } from "../route-table";
import { ACCOUNT_ID, lambdaFunctionKey, type LambdaFunction } from "../state";
import { conflict, invalidParameter } from "./errors";
import {
  checkEnvironment,
  checkHandler,
  checkMemorySize,
  checkRole,
  checkRuntime,
  checkTimeout,
  codeOf,
  configurationOf,
  functionRef,
  requireFunction,
} from "./functions-state";

/** The function a request's {name} names (a name or an ARN, percent-encoded). */
export const functionOf = (req: EmulatorRequest, ctx: Context, params: Record<string, string>) =>
  requireFunction(ctx, req.region, decodeURIComponent(params.name!));

const environmentOf = (body: Record<string, unknown>) =>
  checkEnvironment((body.Environment as { Variables?: unknown } | undefined)?.Variables);

export const createFunction: Handler = (req, ctx) => {
  const body = parseJsonBody(req);
  const ref = functionRef(ctx.account, req.region, String(body.FunctionName ?? ""));
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(ref.name))
    throw new AwsError(
      400,
      "ValidationException",
      `1 validation error detected: Value '${ref.name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+`,
    );
  if ((body.PackageType ?? "Zip") !== "Zip")
    throw invalidParameter("This emulator runs Zip functions only, not container images.");
  const fn: LambdaFunction = {
    region: ref.region,
    name: ref.name,
    runtime: checkRuntime(body.Runtime),
    role: checkRole(body.Role),
    handler: checkHandler(body.Handler),
    description: typeof body.Description === "string" ? body.Description : "",
    timeout: body.Timeout === undefined ? 3 : checkTimeout(body.Timeout),
    memorySize: body.MemorySize === undefined ? 128 : checkMemorySize(body.MemorySize),
    environment: environmentOf(body),
    ...codeOf((body.Code as { ZipFile?: unknown } | undefined)?.ZipFile),
    lastModified: ctx.now(),
    revisionId: crypto.randomUUID(),
    policy: [],
  };
  const key = lambdaFunctionKey(fn.region, fn.name);
  if (ctx.state.lambdaFunctions[key]) throw conflict(`Function already exist: ${fn.name}`);
  ctx.state.lambdaFunctions[key] = fn;
  return json(201, configurationOf(ctx.account, fn));
};

export const getFunction: Handler = (req, ctx, params) => {
  const fn = functionOf(req, ctx, params);
  return json(200, {
    Configuration: configurationOf(ctx.account, fn),
    Code: {
      RepositoryType: "S3",
      Location: `${ctx.endpoint}/_emulator/lambda-code/${ctx.account === ACCOUNT_ID ? "" : `${ctx.account}/`}${fn.region}/${fn.name}.zip`,
    },
  });
};

export const getFunctionConfiguration: Handler = (req, ctx, params) =>
  json(200, configurationOf(ctx.account, functionOf(req, ctx, params)));

export const listFunctions: Handler = (req, ctx) => {
  const maxItems = Number(req.url.searchParams.get("MaxItems") ?? 50);
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10000)
    throw invalidParameter("MaxItems must be between 1 and 10000.");
  const marker = req.url.searchParams.get("Marker");
  const all = Object.values(ctx.state.lambdaFunctions)
    .filter((fn) => fn.region === req.region)
    .sort((a, b) => a.name.localeCompare(b.name));
  const start = marker ? all.findIndex((fn) => fn.name === marker) : 0;
  if (start < 0) throw invalidParameter(`Invalid marker: ${marker}`);
  const page = all.slice(start, start + maxItems);
  const next = all[start + maxItems];
  return json(200, {
    Functions: page.map((fn) => configurationOf(ctx.account, fn)),
    ...(next ? { NextMarker: next.name } : {}),
  });
};

export const deleteFunction: Handler = (req, ctx, params) => {
  const fn = functionOf(req, ctx, params);
  delete ctx.state.lambdaFunctions[lambdaFunctionKey(fn.region, fn.name)];
  return { status: 204 };
};

/** A write's RevisionId, when given, must be the function's (PreconditionFailed otherwise). */
function checkRevision(fn: LambdaFunction, body: Record<string, unknown>): void {
  if (body.RevisionId !== undefined && body.RevisionId !== fn.revisionId)
    throw new AwsError(
      412,
      "PreconditionFailedException",
      "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
    );
}

function updated(ctx: Context, fn: LambdaFunction, changes: Partial<LambdaFunction>): Reply {
  Object.assign(fn, changes, { lastModified: ctx.now(), revisionId: crypto.randomUUID() });
  return json(200, configurationOf(ctx.account, fn));
}

export const updateFunctionCode: Handler = (req, ctx, params) => {
  const fn = functionOf(req, ctx, params);
  const body = parseJsonBody(req);
  checkRevision(fn, body);
  const code = codeOf(body.ZipFile);
  if (body.DryRun === true) return json(200, configurationOf(ctx.account, { ...fn, ...code }));
  return updated(ctx, fn, code);
};

export const updateFunctionConfiguration: Handler = (req, ctx, params) => {
  const fn = functionOf(req, ctx, params);
  const body = parseJsonBody(req);
  checkRevision(fn, body);
  const changes: Partial<LambdaFunction> = {};
  if (body.Runtime !== undefined) changes.runtime = checkRuntime(body.Runtime);
  if (body.Role !== undefined) changes.role = checkRole(body.Role);
  if (body.Handler !== undefined) changes.handler = checkHandler(body.Handler);
  if (body.Timeout !== undefined) changes.timeout = checkTimeout(body.Timeout);
  if (body.MemorySize !== undefined) changes.memorySize = checkMemorySize(body.MemorySize);
  if (typeof body.Description === "string") changes.description = body.Description;
  if (body.Environment !== undefined) changes.environment = environmentOf(body);
  return updated(ctx, fn, changes);
};
