/**
 * An HTTP API's routes (API Gateway v2): CreateRoute (route keys such as
 * `GET /orders`, `ANY /{proxy+}` or `$default`), GetRoutes, GetRoute,
 * UpdateRoute, DeleteRoute. CUSTOM routes need a REQUEST authorizer of the
 * API, JWT routes a JWT one.
 */
import { badRequest, conflict, notFound, pageV2 } from "../apigateway/common";
import { json, parseJsonBody } from "../http";
import { randomId, type HttpApi } from "../state";
import { findHttpApi } from "./apis";
import { ROUTE_AUTHORIZATION_TYPES, type HttpRoute } from "./route-schema";
import type { Handler } from "../route-table";

const METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY";
const SEGMENT = /^([A-Za-z0-9._:~@!$&'()*,;=-]+|\{[A-Za-z0-9._-]+\}|\{[A-Za-z0-9._-]+\+\})$/;

function checkRouteKey(routeKey: string): void {
  if (routeKey === "$default") return;
  const found = new RegExp(`^(${METHODS}) (/.*)$`).exec(routeKey);
  const segments = found?.[2]!.split("/").slice(1) ?? [];
  const valid =
    found &&
    (found[2] === "/" ||
      segments.every(
        (s, i) => SEGMENT.test(s) && (!s.endsWith("+}") || i === segments.length - 1),
      ));
  if (!valid) throw badRequest(`Unable to create route. Invalid route key: ${routeKey}`);
}

export const routeView = (r: HttpRoute) => ({
  apiKeyRequired: r.apiKeyRequired,
  authorizationType: r.authorizationType,
  ...(r.authorizerId ? { authorizerId: r.authorizerId } : {}),
  ...(r.authorizationScopes ? { authorizationScopes: r.authorizationScopes } : {}),
  ...(r.operationName ? { operationName: r.operationName } : {}),
  routeId: r.routeId,
  routeKey: r.routeKey,
  ...(r.target ? { target: r.target } : {}),
});

/** The route as AWS accepts it; throws its refusal otherwise. */
function checked(api: HttpApi, r: HttpRoute): HttpRoute {
  checkRouteKey(r.routeKey);
  if (Object.values(api.routes).some((o) => o.routeKey === r.routeKey && o.routeId !== r.routeId))
    throw conflict(`Route with key ${r.routeKey} already exists for this API`);
  if (!(ROUTE_AUTHORIZATION_TYPES as readonly string[]).includes(r.authorizationType))
    throw badRequest(`Invalid authorization type: ${ROUTE_AUTHORIZATION_TYPES.join(", ")}`);
  if (r.authorizationType !== "CUSTOM" && r.authorizationType !== "JWT") {
    const rest = { ...r };
    delete rest.authorizerId;
    return rest;
  }
  const authorizer = r.authorizerId ? api.authorizers[r.authorizerId] : undefined;
  if (!authorizer) throw badRequest(`Unable to find Authorizer with id ${r.authorizerId ?? ""}`);
  if ((authorizer.authorizerType === "JWT") !== (r.authorizationType === "JWT"))
    throw badRequest(
      `Authorization type ${r.authorizationType} does not match authorizer type ${authorizer.authorizerType}`,
    );
  return r;
}

/** The fields a CreateRoute or UpdateRoute body sets. */
function fields(body: Record<string, unknown>): Partial<HttpRoute> {
  const out: Partial<HttpRoute> = {};
  for (const key of ["routeKey", "authorizationType", "authorizerId", "operationName", "target"])
    if (body[key] !== undefined) {
      if (typeof body[key] !== "string") throw badRequest(`Invalid ${key}`);
      (out as Record<string, unknown>)[key] = body[key];
    }
  if (body.apiKeyRequired !== undefined) out.apiKeyRequired = body.apiKeyRequired === true;
  if (Array.isArray(body.authorizationScopes))
    out.authorizationScopes = body.authorizationScopes.map(String);
  return out;
}

function findRoute(api: HttpApi, routeId: string): HttpRoute {
  const route = api.routes[decodeURIComponent(routeId)];
  if (!route) throw notFound(`Unable to find Route with id ${routeId}`);
  return route;
}

export const createRoute: Handler = (req, ctx, { apiId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const given = fields(parseJsonBody(req));
  if (!given.routeKey) throw badRequest("RouteKey is required");
  const route = checked(api, {
    routeId: randomId(7),
    routeKey: given.routeKey,
    apiKeyRequired: false,
    ...given,
    authorizationType: given.authorizationType ?? "NONE",
  });
  api.routes[route.routeId] = route;
  return json(201, routeView(route));
};

export const getRoutes: Handler = (req, ctx, { apiId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const all = Object.values(api.routes).sort((a, b) => a.routeKey.localeCompare(b.routeKey));
  return pageV2(all, req, routeView);
};

export const getRoute: Handler = (req, ctx, { apiId, routeId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  return json(200, routeView(findRoute(api, routeId!)));
};

export const updateRoute: Handler = (req, ctx, { apiId, routeId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  const route = findRoute(api, routeId!);
  const next = checked(api, { ...route, ...fields(parseJsonBody(req)), routeId: route.routeId });
  api.routes[route.routeId] = next;
  return json(200, routeView(next));
};

export const deleteRoute: Handler = (req, ctx, { apiId, routeId }) => {
  const api = findHttpApi(ctx.state, req.region, apiId!);
  delete api.routes[findRoute(api, routeId!).routeId];
  return { status: 204 };
};
