/**
 * HTTP APIs (API Gateway v2), as much as a custom domain needs: CreateApi,
 * GetApis, GetApi, CreateStage, GetStages; and API mappings, which map HTTP
 * and REST API stages to the same custom domain names as v1's base path
 * mappings (one table: v1 lists the REST ones).
 */
import { createHash } from "node:crypto";
import { findDomain } from "../apigateway/domain-names-state";
import { badRequest, conflict, notFound, pageV2, str } from "../apigateway/common";
import { epochSeconds, json, parseJsonBody } from "../http";
import {
  httpApiKey,
  mappingKey,
  randomId,
  restApiKey,
  stageKey,
  type BasePathMapping,
  type AccountState,
  type HttpApi,
} from "../state";
import type { Handler } from "../route-table";

function apiView(a: HttpApi) {
  return {
    apiId: a.apiId,
    name: a.name,
    protocolType: "HTTP",
    apiEndpoint: `https://${a.apiId}.execute-api.${a.region}.amazonaws.com`,
    createdDate: new Date(a.createdDate * 1000).toISOString(),
    disableExecuteApiEndpoint: a.disableExecuteApiEndpoint,
    routeSelectionExpression: "$request.method $request.path",
  };
}

export function findHttpApi(state: AccountState, region: string, id: string): HttpApi {
  const api = state.httpApis[httpApiKey(region, decodeURIComponent(id))];
  if (!api) throw notFound(`Invalid API identifier specified ${id}`);
  return api;
}

export const createApi: Handler = (req, ctx) => {
  const body = parseJsonBody(req);
  const name = str(body, "name");
  if (!name) throw badRequest("Name is required");
  if (str(body, "protocolType") !== "HTTP") throw badRequest("Only HTTP APIs are emulated.");
  const api: HttpApi = {
    region: req.region,
    apiId: randomId(10),
    name,
    createdDate: epochSeconds(ctx.now()),
    disableExecuteApiEndpoint: body.disableExecuteApiEndpoint === true,
    stages: [],
    routes: {},
    authorizers: {},
  };
  ctx.state.httpApis[httpApiKey(req.region, api.apiId)] = api;
  return json(201, apiView(api));
};

export const getApis: Handler = (req, ctx) =>
  pageV2(
    Object.values(ctx.state.httpApis)
      .filter((a) => a.region === req.region)
      .sort((a, b) => a.createdDate - b.createdDate || a.apiId.localeCompare(b.apiId)),
    req,
    apiView,
  );

export const getApi: Handler = (req, ctx, { apiId }) =>
  json(200, apiView(findHttpApi(ctx.state, req.region, apiId!)));

export const mappingId = (m: BasePathMapping) =>
  createHash("sha256").update(`${m.domainName}/${m.basePath}`).digest("hex").slice(0, 6);

const mappingView = (m: BasePathMapping) => ({
  apiId: m.restApiId,
  apiMappingId: mappingId(m),
  apiMappingKey: m.basePath,
  stage: m.stage ?? "",
});

export const getApiMappings: Handler = (req, ctx, { domainName }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  const mappings = Object.values(ctx.state.mappings)
    .filter((m) => m.region === req.region && m.domainName === d.domainName)
    .sort((a, b) => a.basePath.localeCompare(b.basePath));
  return pageV2(mappings, req, mappingView);
};

export const createApiMapping: Handler = (req, ctx, { domainName }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  const body = parseJsonBody(req);
  const apiId = str(body, "apiId");
  const stage = str(body, "stage");
  const key = (str(body, "apiMappingKey") ?? "").replace(/^\/+|\/+$/g, "");
  if (!apiId || !stage) throw badRequest("apiId and stage are required");
  const http = ctx.state.httpApis[httpApiKey(req.region, apiId)];
  const rest = ctx.state.restApis[restApiKey(req.region, apiId)];
  if (!http && !rest) throw notFound(`Invalid API identifier specified ${apiId}`);
  const stageExists = http
    ? http.stages.includes(stage)
    : !!ctx.state.stages[stageKey(req.region, apiId, stage)];
  if (!stageExists) throw badRequest(`Invalid stage identifier specified ${stage}`);
  const k = mappingKey(req.region, d.domainName, key);
  if (ctx.state.mappings[k]) throw conflict("ApiMapping with the same key already exists");
  const mapping: BasePathMapping = {
    region: req.region,
    domainName: d.domainName,
    basePath: key,
    restApiId: apiId,
    stage,
    ...(http ? { apiType: "HTTP" as const } : {}),
  };
  ctx.state.mappings[k] = mapping;
  return json(201, mappingView(mapping));
};
