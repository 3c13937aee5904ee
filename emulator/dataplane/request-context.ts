/**
 * What API Gateway knows of a request once it is routed (RoutedRequest),
 * and the `requestContext` it hands Lambda authorizers and integrations:
 * REST's (and HTTP payload 1.0's) with `identity.clientCert`, HTTP payload
 * 2.0's with `authentication.clientCert`.
 */
import type { ClientCertIdentity } from "../../lib/truststore";
import { ACCOUNT_ID } from "../state";
import { clf } from "./access-log";

export interface RoutedRequest {
  requestId: string;
  at: number;
  region: string;
  apiId: string;
  stageName: string;
  http: boolean;
  domainName: string;
  method: string;
  /** The path as sent, without the query. */
  path: string;
  /** The path the API routes: after the base path (and the stage). */
  resourcePath: string;
  rawQuery: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  sourceIp: string;
  clientCert: ClientCertIdentity | null;
  /** REST: the resource's path (`/orders/{id}`); HTTP: the route key (`GET /orders/{id}`). */
  resource: string;
  resourceId?: string;
  /** An API with no resources beyond its root, or no routes: it answers every path, as `/{proxy+}`. */
  legacy?: boolean;
  pathParameters: Record<string, string> | null;
}

export function queryParameters(r: RoutedRequest) {
  const query = new URLSearchParams(r.rawQuery);
  const multi: Record<string, string[]> = {};
  for (const [k, v] of query) (multi[k] ??= []).push(v);
  const single = Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v.at(-1)!]));
  return { single, multi, any: query.size > 0 };
}

/** `arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH` (methodArn, routeArn). */
export const executeApiArn = (r: RoutedRequest) =>
  `arn:aws:execute-api:${r.region}:${ACCOUNT_ID}:${r.apiId}/${r.stageName}/${r.method}/${r.resourcePath.replace(/^\//, "")}`;

const domainPrefix = (r: RoutedRequest) => r.domainName.split(".")[0]!;

/** REST's requestContext (and HTTP payload 1.0's). */
export function restRequestContext(r: RoutedRequest) {
  return {
    accountId: ACCOUNT_ID,
    apiId: r.apiId,
    domainName: r.domainName,
    domainPrefix: domainPrefix(r),
    extendedRequestId: r.requestId,
    httpMethod: r.method,
    identity: {
      sourceIp: r.sourceIp,
      userAgent: r.headers["user-agent"] ?? null,
      clientCert: r.clientCert,
    },
    path: r.path,
    protocol: "HTTP/1.1",
    requestId: r.requestId,
    requestTime: clf(r.at),
    requestTimeEpoch: r.at,
    ...(r.resourceId ? { resourceId: r.resourceId } : {}),
    resourcePath: r.legacy ? r.resourcePath : r.resource,
    stage: r.stageName,
  };
}

/** HTTP payload 2.0's requestContext. */
export function httpRequestContext(r: RoutedRequest) {
  return {
    accountId: ACCOUNT_ID,
    apiId: r.apiId,
    ...(r.clientCert ? { authentication: { clientCert: r.clientCert } } : {}),
    domainName: r.domainName,
    domainPrefix: domainPrefix(r),
    http: {
      method: r.method,
      path: r.path,
      protocol: "HTTP/1.1",
      sourceIp: r.sourceIp,
      userAgent: r.headers["user-agent"] ?? "",
    },
    requestId: r.requestId,
    routeKey: r.resource,
    stage: r.stageName,
    time: clf(r.at),
    timeEpoch: r.at,
  };
}
