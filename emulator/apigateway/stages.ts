/**
 * Deployments and stages, as much as access logging needs: CreateDeployment
 * (with stageName), CreateStage, GetStage, GetStages, UpdateStage (the
 * access log settings), DeleteStage. A stage's access log goes to an
 * emulated CloudWatch Logs group (../logs/).
 */
import { epochSeconds, json, parseJsonBody, type Context } from "../http";
import { logGroupFromArn } from "../logs/log-groups";
import { randomId, stageKey, type AccountState, type Stage } from "../state";
import { badRequest, conflict, notFound, str, type PatchOperation } from "./common";
import { findRestApi } from "./rest-apis";
import type { Handler } from "../route-table";

function stageView(s: Stage) {
  return {
    stageName: s.stageName,
    deploymentId: s.deploymentId,
    createdDate: s.createdDate,
    lastUpdatedDate: s.lastUpdatedDate,
    ...(s.accessLogSettings ? { accessLogSettings: s.accessLogSettings } : {}),
    tracingEnabled: false,
    cacheClusterEnabled: false,
  };
}

export function findStage(state: AccountState, region: string, api: string, name: string): Stage {
  const stage = state.stages[stageKey(region, api, decodeURIComponent(name))];
  if (!stage) throw notFound("Invalid stage identifier specified");
  return stage;
}

function addStage(
  ctx: Context,
  region: string,
  restApiId: string,
  name: string,
  deploymentId: string,
) {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(name)) throw badRequest("Stage name only allows a-zA-Z0-9_-");
  const key = stageKey(region, restApiId, name);
  if (ctx.state.stages[key]) throw conflict("Stage already exists");
  const now = epochSeconds(ctx.now());
  const stage: Stage = {
    region,
    restApiId,
    stageName: name,
    deploymentId,
    createdDate: now,
    lastUpdatedDate: now,
  };
  ctx.state.stages[key] = stage;
  return stage;
}

export const createDeployment: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const methods = Object.values(api.resources).flatMap((r) => Object.values(r.methods));
  if (methods.length === 0) throw badRequest("The REST API doesn't contain any methods");
  if (methods.some((m) => !m.integration)) throw badRequest("No integration defined for method");
  const body = parseJsonBody(req);
  const id = randomId(6);
  const stageName = str(body, "stageName");
  if (stageName) {
    const existing = ctx.state.stages[stageKey(req.region, api.id, stageName)];
    if (existing) existing.deploymentId = id;
    else addStage(ctx, req.region, api.id, stageName, id);
  }
  return json(201, { id, createdDate: epochSeconds(ctx.now()) });
};

export const createStage: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const body = parseJsonBody(req);
  const name = str(body, "stageName");
  const deploymentId = str(body, "deploymentId");
  if (!name || !deploymentId) throw badRequest("stageName and deploymentId must be specified");
  return json(201, stageView(addStage(ctx, req.region, api.id, name, deploymentId)));
};

export const getStage: Handler = (req, ctx, { restApiId, stageName }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  return json(200, stageView(findStage(ctx.state, req.region, api.id, stageName!)));
};

export const getStages: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const item = Object.values(ctx.state.stages)
    .filter((s) => s.region === req.region && s.restApiId === api.id)
    .sort((a, b) => a.stageName.localeCompare(b.stageName))
    .map(stageView);
  return json(200, { item });
};

export const deleteStage: Handler = (req, ctx, { restApiId, stageName }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const stage = findStage(ctx.state, req.region, api.id, stageName!);
  delete ctx.state.stages[stageKey(req.region, api.id, stage.stageName)];
  return { status: 202 };
};

/** An access log destination must be a CloudWatch Logs log group ARN (v1 and v2 stages alike). */
export function checkLogDestination(arn: string): void {
  if (!logGroupFromArn(arn))
    throw badRequest(
      "Invalid ARN specified in the request. ARN must be a CloudWatch Logs log group ARN.",
    );
}

/** UpdateStage: /accessLogSettings/destinationArn and /accessLogSettings/format (replace), or remove /accessLogSettings. */
export const updateStage: Handler = (req, ctx, { restApiId, stageName }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const stage = findStage(ctx.state, req.region, api.id, stageName!);
  const ops = (parseJsonBody(req).patchOperations ?? []) as PatchOperation[];
  let settings = stage.accessLogSettings ? { ...stage.accessLogSettings } : undefined;
  for (const op of ops) {
    if (op.op === "remove" && op.path === "/accessLogSettings") {
      settings = undefined;
      continue;
    }
    if (op.op !== "replace" || typeof op.value !== "string")
      throw badRequest(`Invalid patch operation specified. Must be one of: [replace]`);
    if (op.path === "/accessLogSettings/destinationArn") {
      checkLogDestination(op.value);
      settings = { format: settings?.format ?? "", destinationArn: op.value };
    } else if (op.path === "/accessLogSettings/format") {
      if (
        !op.value.includes("$context.requestId") &&
        !op.value.includes("$context.extendedRequestId")
      )
        throw badRequest(
          "Access Log format must contain $context.requestId or $context.extendedRequestId",
        );
      settings = { destinationArn: settings?.destinationArn ?? "", format: op.value };
    } else {
      throw badRequest(`Invalid patch path ${op.path}`);
    }
  }
  if (settings && (!settings.destinationArn || !settings.format))
    throw badRequest("Access log settings need both a destinationArn and a format.");
  if (settings) stage.accessLogSettings = settings;
  else delete stage.accessLogSettings;
  stage.lastUpdatedDate = epochSeconds(ctx.now());
  return json(200, stageView(stage));
};
