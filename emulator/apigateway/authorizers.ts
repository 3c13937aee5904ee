/**
 * A REST API's authorizers: CreateAuthorizer (TOKEN and REQUEST Lambda
 * authorizers, COGNITO_USER_POOLS), GetAuthorizers, GetAuthorizer,
 * UpdateAuthorizer, DeleteAuthorizer (refused while a method uses it), and
 * FlushStageAuthorizersCache. Results are cached 300 s unless told (0 to
 * 3600).
 */
import { json, parseJsonBody } from "../http";
import { flushAuthorizerCache } from "../dataplane/authorizer-cache";
import { randomId, type RestApi } from "../state";
import { badRequest, conflict, notFound, page, str, type PatchOperation } from "./common";
import type { RestAuthorizer } from "./resource-schema";
import { findRestApi } from "./rest-apis";
import { findStage } from "./stages";
import type { Handler } from "../route-table";

/** `arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations`. */
export const LAMBDA_INVOCATION_URI =
  /^arn:aws:apigateway:([a-z0-9-]+):lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;

const IDENTITY_SOURCE =
  /^(method\.request\.(header|querystring|multivalueheader|multivaluequerystring)\.[^\s,]+|stageVariables\.[^\s,]+|context\.[A-Za-z0-9_.]+)$/;

const view = (a: RestAuthorizer) => ({
  id: a.id,
  name: a.name,
  type: a.type,
  ...(a.providerARNs ? { providerARNs: a.providerARNs } : {}),
  ...(a.authType ? { authType: a.authType } : {}),
  ...(a.authorizerUri ? { authorizerUri: a.authorizerUri } : {}),
  ...(a.authorizerCredentials ? { authorizerCredentials: a.authorizerCredentials } : {}),
  ...(a.identitySource ? { identitySource: a.identitySource } : {}),
  ...(a.identityValidationExpression
    ? { identityValidationExpression: a.identityValidationExpression }
    : {}),
  authorizerResultTtlInSeconds: a.authorizerResultTtlInSeconds,
});

/** The authorizer as AWS accepts it; throws its refusal otherwise. */
function checked(a: RestAuthorizer): RestAuthorizer {
  if (!a.name) throw badRequest("Authorizer name must be specified");
  if (!["TOKEN", "REQUEST", "COGNITO_USER_POOLS"].includes(a.type))
    throw badRequest("Invalid authorizer type: TOKEN, REQUEST or COGNITO_USER_POOLS");
  const ttl = a.authorizerResultTtlInSeconds;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600)
    throw badRequest("Invalid authorizer result TTL: it must be between 0 and 3600 seconds");
  const sources = (a.identitySource ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (sources.some((s) => !IDENTITY_SOURCE.test(s)))
    throw badRequest(`Invalid identity source: ${a.identitySource}`);
  if (a.type === "COGNITO_USER_POOLS") {
    if (!a.providerARNs?.length) throw badRequest("ProviderARNs must be specified");
    return a;
  }
  if (!a.authorizerUri || !LAMBDA_INVOCATION_URI.test(a.authorizerUri))
    throw badRequest(`Invalid Authorizer URI: ${a.authorizerUri ?? ""}`);
  if (
    a.type === "TOKEN" &&
    (sources.length !== 1 || !sources[0]!.startsWith("method.request.header."))
  )
    throw badRequest("Identity source for a TOKEN authorizer must be one method.request.header");
  if (a.type === "REQUEST" && ttl > 0 && sources.length === 0)
    throw badRequest("Identity source must be specified when authorization caching is enabled");
  return a;
}

function findAuthorizer(api: RestApi, id: string): RestAuthorizer {
  const found = api.authorizers[decodeURIComponent(id)];
  if (!found) throw notFound("Invalid Authorizer identifier specified");
  return found;
}

export const createAuthorizer: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const body = parseJsonBody(req);
  const optional = (key: keyof RestAuthorizer) => {
    const value = str(body, key);
    return value === undefined ? {} : { [key]: value };
  };
  const ttl = body.authorizerResultTtlInSeconds;
  const authorizer = checked({
    id: randomId(6),
    name: str(body, "name") ?? "",
    type: (str(body, "type") ?? "") as RestAuthorizer["type"],
    authorizerResultTtlInSeconds: ttl === undefined ? 300 : Number(ttl),
    ...(Array.isArray(body.providerARNs) ? { providerARNs: body.providerARNs.map(String) } : {}),
    ...optional("authorizerUri"),
    ...optional("authorizerCredentials"),
    ...optional("identitySource"),
    ...optional("identityValidationExpression"),
    ...optional("authType"),
  });
  api.authorizers[authorizer.id] = authorizer;
  return json(201, view(authorizer));
};

export const getAuthorizers: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const all = Object.values(api.authorizers).sort((a, b) => a.name.localeCompare(b.name));
  return page(all, req, ctx, view);
};

export const getAuthorizer: Handler = (req, ctx, { restApiId, authorizerId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  return json(200, view(findAuthorizer(api, authorizerId!)));
};

const PATCHABLE = new Set([
  "name",
  "type",
  "authorizerUri",
  "authorizerCredentials",
  "identitySource",
  "identityValidationExpression",
  "authorizerResultTtlInSeconds",
]);

export const updateAuthorizer: Handler = (req, ctx, { restApiId, authorizerId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const next: Record<string, unknown> = structuredClone(findAuthorizer(api, authorizerId!));
  for (const op of (parseJsonBody(req).patchOperations ?? []) as PatchOperation[]) {
    const field = op.path?.replace(/^\//, "") ?? "";
    if (op.op !== "replace" || !PATCHABLE.has(field))
      throw badRequest(`Invalid patch path '${op.path ?? ""}' specified for op '${op.op ?? ""}'.`);
    if (field === "authorizerResultTtlInSeconds") next[field] = Number(op.value);
    else if (op.value) next[field] = op.value;
    else delete next[field];
  }
  const authorizer = checked(next as RestAuthorizer);
  api.authorizers[authorizer.id] = authorizer;
  return json(200, view(authorizer));
};

export const deleteAuthorizer: Handler = (req, ctx, { restApiId, authorizerId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const authorizer = findAuthorizer(api, authorizerId!);
  for (const resource of Object.values(api.resources))
    for (const method of Object.values(resource.methods))
      if (method.authorizerId === authorizer.id)
        throw conflict(
          `Cannot delete authorizer '${authorizer.name}', is referenced in method: ${method.httpMethod}/${resource.path}`,
        );
  delete api.authorizers[authorizer.id];
  return { status: 202 };
};

export const flushStageAuthorizersCache: Handler = (req, ctx, { restApiId, stageName }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  findStage(ctx.state, req.region, api.id, stageName!);
  flushAuthorizerCache(ctx.state, api.region, api.id);
  return { status: 202 };
};
