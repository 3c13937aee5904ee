/**
 * What a Lambda authorizer receives, as AWS documents it: REST's TOKEN and
 * REQUEST events (with `methodArn`), and HTTP APIs' REQUEST events in
 * payload format 2.0 (`routeArn`, `identitySource` values) or 1.0.
 */
import {
  executeApiArn,
  httpRequestContext,
  queryParameters,
  restRequestContext,
  type RoutedRequest,
} from "./request-context";

export function restTokenEvent(r: RoutedRequest, token: string) {
  return { type: "TOKEN", authorizationToken: token, methodArn: executeApiArn(r) };
}

function requestEventV1(r: RoutedRequest) {
  const query = queryParameters(r);
  return {
    resource: r.http ? r.resource.replace(/^\S+ /, "") : r.resource,
    path: r.path,
    httpMethod: r.method,
    headers: r.headers,
    multiValueHeaders: r.multiValueHeaders,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: r.pathParameters ?? {},
    stageVariables: {},
    requestContext: restRequestContext(r),
  };
}

export function restRequestEvent(r: RoutedRequest) {
  return { type: "REQUEST", methodArn: executeApiArn(r), ...requestEventV1(r) };
}

export function httpRequestEvent(r: RoutedRequest, version: "1.0" | "2.0", identity: string[]) {
  if (version === "1.0")
    return {
      version: "1.0",
      type: "REQUEST",
      methodArn: executeApiArn(r),
      identitySource: identity.join(","),
      authorizationToken: identity.join(","),
      ...requestEventV1(r),
    };
  const query = queryParameters(r);
  const cookies = r.headers.cookie?.split(";").map((c) => c.trim());
  return {
    version: "2.0",
    type: "REQUEST",
    routeArn: executeApiArn(r),
    identitySource: identity,
    routeKey: r.resource,
    rawPath: r.path,
    rawQueryString: r.rawQuery,
    ...(cookies ? { cookies } : {}),
    headers: r.headers,
    ...(query.any ? { queryStringParameters: query.single } : {}),
    requestContext: httpRequestContext(r),
    ...(r.pathParameters ? { pathParameters: r.pathParameters } : {}),
  };
}
