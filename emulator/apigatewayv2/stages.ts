/**
 * HTTP API stages (API Gateway v2): CreateStage, GetStages, GetStage and
 * UpdateStage with their access log settings. A stage's settings live in
 * the same table as REST API stages (keyed by the API id), so the data
 * plane writes both kinds of access log alike.
 */
import { badRequest, conflict, notFound, pageV2 } from "../apigateway/common";
import { epochSeconds, json, parseJsonBody, type Context } from "../http";
import { stageKey, type Stage } from "../state";
import { checkLogDestination } from "../apigateway/stages";
import { findHttpApi } from "./apis";
import type { Handler } from "../route-table";

function accessLogSettings(body: Record<string, unknown>): Stage["accessLogSettings"] | undefined {
  const settings = body.accessLogSettings;
  if (settings === undefined) return undefined;
  const { destinationArn, format } = (settings ?? {}) as Record<string, unknown>;
  if (typeof destinationArn !== "string")
    throw badRequest("accessLogSettings.destinationArn is required");
  checkLogDestination(destinationArn);
  if (typeof format !== "string" || !format.includes("$context.requestId"))
    throw badRequest("accessLogSettings.format must contain $context.requestId");
  return { destinationArn, format };
}

/** The stage's record; kept in the state only when `keep` (reads leave the state as it is). */
function stageRecord(
  ctx: Context,
  region: string,
  apiId: string,
  stageName: string,
  keep = false,
): Stage {
  const key = stageKey(region, apiId, stageName);
  const at = epochSeconds(ctx.now());
  const found = ctx.state.stages[key] ?? {
    region,
    restApiId: apiId,
    stageName,
    deploymentId: "",
    createdDate: at,
    lastUpdatedDate: at,
  };
  if (keep) ctx.state.stages[key] = found;
  return found;
}

function stageView(s: Stage) {
  return {
    stageName: s.stageName,
    createdDate: new Date(s.createdDate * 1000).toISOString(),
    lastUpdatedDate: new Date(s.lastUpdatedDate * 1000).toISOString(),
    ...(s.accessLogSettings ? { accessLogSettings: s.accessLogSettings } : {}),
  };
}

export const createStageV2: Handler = (req, ctx, { apiId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const body = parseJsonBody(req);
  const name = typeof body.stageName === "string" ? body.stageName : "";
  if (!/^(\$default|[A-Za-z0-9_-]{1,128})$/.test(name)) throw badRequest("Invalid stage name");
  if (api.stages.includes(name)) throw conflict(`Stage already exists: ${name}`);
  const settings = accessLogSettings(body);
  api.stages.push(name);
  const stage = stageRecord(ctx, req.region, api.apiId, name, true);
  if (settings) stage.accessLogSettings = settings;
  return json(201, stageView(stage));
};

export const getStagesV2: Handler = (req, ctx, { apiId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  return pageV2(api.stages, req, (name) =>
    stageView(stageRecord(ctx, req.region, api.apiId, name)),
  );
};

export const getStageV2: Handler = (req, ctx, { apiId, stageName }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const name = decodeURIComponent(stageName!);
  if (!api.stages.includes(name)) throw notFound(`Invalid stage identifier specified ${name}`);
  return json(200, stageView(stageRecord(ctx, req.region, api.apiId, name)));
};

export const updateStageV2: Handler = (req, ctx, { apiId, stageName }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const name = decodeURIComponent(stageName!);
  if (!api.stages.includes(name)) throw notFound(`Invalid stage identifier specified ${name}`);
  const settings = accessLogSettings(parseJsonBody(req));
  const stage = stageRecord(ctx, req.region, api.apiId, name, true);
  if (settings) stage.accessLogSettings = settings;
  stage.lastUpdatedDate = epochSeconds(ctx.now());
  return json(200, stageView(stage));
};
