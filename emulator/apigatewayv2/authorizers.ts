/**
 * An HTTP API's authorizers (API Gateway v2): CreateAuthorizer (REQUEST
 * Lambda authorizers with payload format 1.0 or 2.0, simple responses only
 * with 2.0; JWT), GetAuthorizers, GetAuthorizer, UpdateAuthorizer,
 * DeleteAuthorizer (refused while a route uses it), ResetAuthorizersCache.
 * Results are not cached unless told (0 to 3600 s).
 */
import { badRequest, conflict, notFound, pageV2 } from "../apigateway/common";
import { LAMBDA_INVOCATION_URI } from "../apigateway/authorizers";
import { flushAuthorizerCache } from "../dataplane/authorizer-cache";
import { json, parseJsonBody } from "../http";
import { randomId, type HttpApi } from "../state";
import { findHttpApi } from "./apis";
import { httpAuthorizerSchema, type HttpAuthorizer } from "./route-schema";
import type { Handler } from "../route-table";

const IDENTITY_SOURCE =
  /^\$(request\.(header|querystring)\.[^\s,]+|context\.[A-Za-z0-9_.]+|stageVariables\.[^\s,]+)$/;

const view = (a: HttpAuthorizer) => a;

/** The authorizer as AWS accepts it; throws its refusal otherwise. */
function checked(raw: Record<string, unknown>): HttpAuthorizer {
  const parsed = httpAuthorizerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest(`Invalid value for ${issue.path.join(".")}: ${issue.message}`);
  }
  const a = parsed.data;
  if (!a.name) throw badRequest("Name is required");
  const ttl = a.authorizerResultTtlInSeconds;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600)
    throw badRequest("AuthorizerResultTtlInSeconds must be between 0 and 3600");
  if (a.identitySource.some((s) => !IDENTITY_SOURCE.test(s)))
    throw badRequest(`Invalid identity source: ${a.identitySource.join(", ")}`);
  if (a.authorizerType === "JWT") {
    if (!a.jwtConfiguration?.issuer) throw badRequest("JwtConfiguration issuer is required");
    if (a.identitySource.length === 0) throw badRequest("IdentitySource is required for JWT");
    return a;
  }
  if (!a.authorizerUri || !LAMBDA_INVOCATION_URI.test(a.authorizerUri))
    throw badRequest(`Invalid Authorizer URI: ${a.authorizerUri ?? ""}`);
  if (!a.authorizerPayloadFormatVersion)
    throw badRequest("AuthorizerPayloadFormatVersion is required for REQUEST authorizers");
  if (a.enableSimpleResponses && a.authorizerPayloadFormatVersion !== "2.0")
    throw badRequest("EnableSimpleResponses is only supported for payload format version 2.0");
  if (ttl > 0 && a.identitySource.length === 0)
    throw badRequest("IdentitySource is required when authorizer caching is enabled");
  return a;
}

const FIELDS = [
  "name",
  "authorizerType",
  "authorizerUri",
  "authorizerCredentialsArn",
  "authorizerPayloadFormatVersion",
  "enableSimpleResponses",
  "authorizerResultTtlInSeconds",
  "identitySource",
  "identityValidationExpression",
  "jwtConfiguration",
];
const given = (body: Record<string, unknown>) =>
  Object.fromEntries(FIELDS.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));

function findAuthorizer(api: HttpApi, id: string): HttpAuthorizer {
  const found = api.authorizers[decodeURIComponent(id)];
  if (!found) throw notFound(`Unable to find Authorizer with id ${id}`);
  return found;
}

export const createAuthorizerV2: Handler = (req, ctx, { apiId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const authorizer = checked({
    authorizerId: randomId(6),
    name: "",
    enableSimpleResponses: false,
    authorizerResultTtlInSeconds: 0,
    identitySource: [],
    ...given(parseJsonBody(req)),
  });
  api.authorizers[authorizer.authorizerId] = authorizer;
  return json(201, view(authorizer));
};

export const getAuthorizersV2: Handler = (req, ctx, { apiId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const all = Object.values(api.authorizers).sort((a, b) => a.name.localeCompare(b.name));
  return pageV2(all, req, view);
};

export const getAuthorizerV2: Handler = (req, ctx, { apiId, authorizerId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  return json(200, view(findAuthorizer(api, authorizerId!)));
};

export const updateAuthorizerV2: Handler = (req, ctx, { apiId, authorizerId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const found = findAuthorizer(api, authorizerId!);
  const next = checked({ ...found, ...given(parseJsonBody(req)) });
  api.authorizers[found.authorizerId] = next;
  return json(200, view(next));
};

export const deleteAuthorizerV2: Handler = (req, ctx, { apiId, authorizerId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const authorizer = findAuthorizer(api, authorizerId!);
  const user = Object.values(api.routes).find((r) => r.authorizerId === authorizer.authorizerId);
  if (user)
    throw conflict(
      `Cannot delete authorizer '${authorizer.name}', is referenced in route: ${user.routeKey}`,
    );
  delete api.authorizers[authorizer.authorizerId];
  return { status: 204 };
};

export const resetAuthorizersCache: Handler = (req, ctx, { apiId, stageName }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const name = decodeURIComponent(stageName!);
  if (!api.stages.includes(name)) throw notFound(`Invalid stage identifier specified ${name}`);
  flushAuthorizerCache(ctx.state, api.region, api.apiId);
  return { status: 204 };
};
