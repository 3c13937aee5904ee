/**
 * After mutual TLS and routing to a stage: the REST method or HTTP route
 * the request names (none: REST's 403 Missing Authentication Token, HTTP's
 * 404 Not Found), and its authorization. NONE passes; CUSTOM runs the
 * Lambda authorizer (./lambda-authorizer.ts); AWS_IAM needs a signed
 * request (signatures are not checked, as by the control plane); JWT and
 * Cognito user pools are not emulated and answer 401.
 */
import type { Context } from "../http";
import { httpApiKey, restApiKey } from "../state";
import type { AuthorizerOutput } from "./integration-event";
import { httpLambdaAuthorizer, restLambdaAuthorizer, type Refusal } from "./lambda-authorizer";
import type { RoutedRequest } from "./request-context";
import { matchHttpRoute, matchRestMethod } from "./route-match";

/** The request as routed to a stage, before its method or route is known. */
export type StageRequest = Omit<
  RoutedRequest,
  "resource" | "resourceId" | "pathParameters" | "legacy"
>;

export type Authorization =
  | { ok: true; routed: RoutedRequest; authorizer?: AuthorizerOutput }
  | ({ ok: false; routed?: RoutedRequest } & Refusal);

const MISSING_TOKEN: Refusal = {
  status: 403,
  body: { message: "Missing Authentication Token" },
  errorType: "MissingAuthenticationTokenException",
  reason: "No method matches the request",
};
const NOT_FOUND: Refusal = {
  status: 404,
  body: { message: "Not Found" },
  errorType: "NotFoundException",
  reason: "No route matches the request",
};
const NOT_EMULATED: Refusal = {
  status: 401,
  body: { message: "Unauthorized" },
  errorType: "UnauthorizedException",
  reason: "JWT and Cognito user pool authorizers are not emulated",
};

async function restAuthorization(ctx: Context, s: StageRequest): Promise<Authorization> {
  const api = ctx.state.restApis[restApiKey(s.region, s.apiId)];
  const match = api && matchRestMethod(api, s.resourcePath, s.method);
  if (!api || !match) return { ok: false, ...MISSING_TOKEN };
  const legacy = Object.keys(api.resources).length === 1;
  const routed: RoutedRequest = {
    ...s,
    resource: legacy ? "/{proxy+}" : match.resource.path,
    ...(legacy ? { legacy } : { resourceId: match.resource.id }),
    pathParameters: legacy ? { proxy: s.resourcePath.replace(/^\//, "") } : match.pathParameters,
  };
  const type = match.method?.authorizationType ?? "NONE";
  if (type === "NONE") return { ok: true, routed };
  if (type === "AWS_IAM")
    return s.headers.authorization ? { ok: true, routed } : { ok: false, routed, ...MISSING_TOKEN };
  const authorizer = api.authorizers[match.method?.authorizerId ?? ""];
  if (type !== "CUSTOM" || !authorizer) return { ok: false, routed, ...NOT_EMULATED };
  const verdict = await restLambdaAuthorizer(ctx, routed, authorizer);
  return verdict.ok ? { ok: true, routed, authorizer: verdict.authorizer } : { ...verdict, routed };
}

async function httpAuthorization(ctx: Context, s: StageRequest): Promise<Authorization> {
  const api = ctx.state.httpApis[httpApiKey(s.region, s.apiId)];
  if (!api || Object.keys(api.routes).length === 0)
    return { ok: true, routed: { ...s, resource: "$default", legacy: true, pathParameters: null } };
  const match = matchHttpRoute(api, s.resourcePath, s.method);
  if (!match) return { ok: false, ...NOT_FOUND };
  const routed: RoutedRequest = {
    ...s,
    resource: match.route.routeKey,
    pathParameters: match.pathParameters,
  };
  const type = match.route.authorizationType;
  if (type === "NONE") return { ok: true, routed };
  if (type === "AWS_IAM")
    return s.headers.authorization
      ? { ok: true, routed }
      : { ok: false, routed, ...MISSING_TOKEN, status: 403, body: { message: "Forbidden" } };
  const authorizer = api.authorizers[match.route.authorizerId ?? ""];
  if (type !== "CUSTOM" || !authorizer) return { ok: false, routed, ...NOT_EMULATED };
  const verdict = await httpLambdaAuthorizer(ctx, routed, authorizer);
  return verdict.ok ? { ok: true, routed, authorizer: verdict.authorizer } : { ...verdict, routed };
}

export function authorize(ctx: Context, s: StageRequest): Promise<Authorization> {
  return s.http ? httpAuthorization(ctx, s) : restAuthorization(ctx, s);
}
