/**
 * Base path mappings of a custom domain name: GetBasePathMappings,
 * CreateBasePathMapping, GetBasePathMapping, DeleteBasePathMapping. The
 * empty base path is "(none)" on the wire.
 */
import { json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import { mappingKey, stageKey, type BasePathMapping, type EmulatorState } from "../state";
import { badRequest, conflict, notFound, page, str } from "./common";
import { findDomain } from "./domain-names";
import { findRestApi } from "./rest-apis";
import type { Handler } from "../route-table";

function mappingView(m: BasePathMapping) {
  return {
    basePath: m.basePath === "" ? "(none)" : m.basePath,
    restApiId: m.restApiId,
    ...(m.stage ? { stage: m.stage } : {}),
  };
}

const normalizeBasePath = (raw: string | undefined) => {
  const value = decodeURIComponent(raw ?? "");
  return value === "(none)" ? "" : value;
};

export function mappingsOf(
  state: EmulatorState,
  region: string,
  domain: string,
): BasePathMapping[] {
  return Object.values(state.mappings)
    .filter((m) => m.region === region && m.domainName === domain && m.apiType !== "HTTP")
    .sort((a, b) => a.basePath.localeCompare(b.basePath));
}

function lookup(req: EmulatorRequest, ctx: Context, domainName: string, basePath: string) {
  const d = findDomain(ctx.state, req.region, domainName);
  const key = mappingKey(req.region, d.domainName, normalizeBasePath(basePath));
  const mapping = ctx.state.mappings[key];
  if (!mapping) throw notFound("Invalid base path mapping identifier specified");
  return { key, mapping };
}

export const getBasePathMappings: Handler = (req, ctx, { domainName }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  return page(mappingsOf(ctx.state, req.region, d.domainName), req, ctx, mappingView);
};

export const createBasePathMapping: Handler = (req, ctx, { domainName }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  const body = parseJsonBody(req);
  const restApiId = str(body, "restApiId");
  if (!restApiId) throw badRequest("restApiId must be specified");
  findRestApi(ctx.state, req.region, restApiId);
  const basePath = normalizeBasePath(str(body, "basePath"));
  const key = mappingKey(req.region, d.domainName, basePath);
  if (ctx.state.mappings[key]) throw conflict("Base path already exists for this domain name");
  const mapping: BasePathMapping = {
    region: req.region,
    domainName: d.domainName,
    basePath,
    restApiId,
  };
  const stage = str(body, "stage");
  if (stage) {
    // As AWS: the stage must exist.
    if (!ctx.state.stages[stageKey(req.region, restApiId, stage)])
      throw badRequest("Invalid stage identifier specified");
    mapping.stage = stage;
  }
  ctx.state.mappings[key] = mapping;
  return json(201, mappingView(mapping));
};

export const getBasePathMapping: Handler = (req, ctx, { domainName, basePath }) =>
  json(200, mappingView(lookup(req, ctx, domainName!, basePath!).mapping));

export const deleteBasePathMapping: Handler = (req, ctx, { domainName, basePath }) => {
  delete ctx.state.mappings[lookup(req, ctx, domainName!, basePath!).key];
  return { status: 202 };
};
