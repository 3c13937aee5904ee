/**
 * Base path mappings on the wire: GetBasePathMappings,
 * CreateBasePathMapping, GetBasePathMapping, DeleteBasePathMapping. The
 * empty base path is "(none)" on the wire. The state side is
 * ./base-path-mappings-state.ts.
 */
import { json, parseJsonBody } from "../http";
import type { Handler } from "../route-table";
import type { BasePathMapping } from "../state";
import {
  addMapping,
  deleteMapping,
  findMapping,
  mappingsOf,
  refuseMissingStage,
  refuseTakenBasePath,
} from "./base-path-mappings-state";
import { badRequest, page, str } from "./common";
import { findDomain } from "./domain-names-state";
import { findRestApi } from "./rest-apis";

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
  refuseTakenBasePath(ctx.state, req.region, d.domainName, basePath);
  const mapping: BasePathMapping = {
    region: req.region,
    domainName: d.domainName,
    basePath,
    restApiId,
  };
  const stage = str(body, "stage");
  if (stage) {
    refuseMissingStage(ctx.state, req.region, restApiId, stage);
    mapping.stage = stage;
  }
  addMapping(ctx.state, mapping);
  return json(201, mappingView(mapping));
};

export const getBasePathMapping: Handler = (req, ctx, { domainName, basePath }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  return json(
    200,
    mappingView(
      findMapping(ctx.state, req.region, d.domainName, normalizeBasePath(basePath)).mapping,
    ),
  );
};

export const deleteBasePathMapping: Handler = (req, ctx, { domainName, basePath }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  const { key } = findMapping(ctx.state, req.region, d.domainName, normalizeBasePath(basePath));
  deleteMapping(ctx.state, key);
  return { status: 202 };
};
