/**
 * REST APIs, as much as the dashboard needs: GetRestApis, CreateRestApi,
 * GetRestApi, UpdateRestApi (name, description, disableExecuteApiEndpoint),
 * DeleteRestApi (refused while mapped to a domain).
 */
import { epochSeconds, json, parseJsonBody } from "../http";
import { randomId, restApiKey, type AccountState, type RestApi } from "../state";
import { badRequest, notFound, page, str, type PatchOperation } from "./common";
import { rootOnly } from "./resource-schema";
import type { Handler } from "../route-table";

function restApiView(api: RestApi) {
  return {
    id: api.id,
    name: api.name,
    ...(api.description ? { description: api.description } : {}),
    createdDate: api.createdDate,
    apiKeySource: "HEADER",
    endpointConfiguration: { types: api.endpointTypes },
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    tags: api.tags,
  };
}

export function findRestApi(state: AccountState, region: string, id: string): RestApi {
  const api = state.restApis[restApiKey(region, decodeURIComponent(id))];
  if (!api) throw notFound("Invalid API identifier specified");
  return api;
}

export const getRestApis: Handler = (req, ctx) =>
  page(
    Object.values(ctx.state.restApis)
      .filter((a) => a.region === req.region)
      .sort((a, b) => a.id.localeCompare(b.id)),
    req,
    ctx,
    restApiView,
  );

export const createRestApi: Handler = (req, ctx) => {
  const body = parseJsonBody(req);
  const name = str(body, "name");
  if (!name) throw badRequest("Invalid REST API name specified");
  const id = randomId(10);
  const api: RestApi = {
    region: req.region,
    id,
    name,
    createdDate: epochSeconds(ctx.now()),
    disableExecuteApiEndpoint: body.disableExecuteApiEndpoint === true,
    endpointTypes: (body.endpointConfiguration as { types?: string[] } | undefined)?.types ?? [
      "EDGE",
    ],
    resources: rootOnly(id),
    authorizers: {},
    tags: (body.tags as Record<string, string> | undefined) ?? {},
  };
  const description = str(body, "description");
  if (description) api.description = description;
  ctx.state.restApis[restApiKey(req.region, api.id)] = api;
  return json(201, restApiView(api));
};

export const getRestApi: Handler = (req, ctx, { restApiId }) =>
  json(200, restApiView(findRestApi(ctx.state, req.region, restApiId!)));

export const updateRestApi: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const operations = (parseJsonBody(req).patchOperations as PatchOperation[] | undefined) ?? [];
  const next = structuredClone(api);
  for (const op of operations) {
    if (op.op !== "replace") {
      throw badRequest(
        `Invalid patch operation specified. Must be 'replace' (got '${op.op ?? ""}').`,
      );
    }
    if (op.path === "/disableExecuteApiEndpoint") {
      // As AWS parses it: "true" or "false" in any case ('True' in AWS's own docs).
      const value = op.value?.toLowerCase();
      if (value !== "true" && value !== "false") {
        throw badRequest("Invalid value for /disableExecuteApiEndpoint: true or false.");
      }
      next.disableExecuteApiEndpoint = value === "true";
    } else if (op.path === "/name") {
      next.name = op.value ?? next.name;
    } else if (op.path === "/description") {
      next.description = op.value ?? "";
    } else {
      throw badRequest(`Invalid patch path '${op.path ?? ""}' specified for op 'replace'.`);
    }
  }
  ctx.state.restApis[restApiKey(req.region, api.id)] = next;
  return json(200, restApiView(next));
};

export const deleteRestApi: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  if (
    Object.values(ctx.state.mappings).some((x) => x.region === req.region && x.restApiId === api.id)
  ) {
    throw badRequest(
      "Cannot delete a REST API that is still mapped to a custom domain name. Remove the base path mappings first.",
    );
  }
  delete ctx.state.restApis[restApiKey(req.region, api.id)];
  return { status: 202 };
};
