/**
 * API Gateway (REST-JSON): the operations the emulator speaks, as the AWS
 * API reference lists them (method, request URI, operation). Fields, codes
 * and messages follow the service model; the list key is `item`,
 * timestamps are epoch seconds.
 */
import type { EmulatorRequest, Route } from "../http";
import * as mappings from "./base-path-mappings";
import type { Handler } from "./common";
import { updateDomainName } from "./domain-name-updates";
import * as domains from "./domain-names";
import * as resources from "./resources";
import * as restApis from "./rest-apis";
import * as stages from "./stages";
import { route as routeV2 } from "../apigatewayv2/router";

export { domainView, settle } from "./domain-names";
export { truststoreWarnings } from "./truststore-warnings";

type Operation = [
  method: string,
  uri: string,
  operation: string,
  mutates: boolean,
  handler: Handler,
];

const OPERATIONS: Operation[] = [
  ["GET", "/domainnames", "GetDomainNames", false, domains.getDomainNames],
  ["POST", "/domainnames", "CreateDomainName", true, domains.createDomainName],
  ["GET", "/domainnames/{domainName}", "GetDomainName", false, domains.getDomainName],
  ["PATCH", "/domainnames/{domainName}", "UpdateDomainName", true, updateDomainName],
  ["DELETE", "/domainnames/{domainName}", "DeleteDomainName", true, domains.deleteDomainName],
  [
    "GET",
    "/domainnames/{domainName}/basepathmappings",
    "GetBasePathMappings",
    false,
    mappings.getBasePathMappings,
  ],
  [
    "POST",
    "/domainnames/{domainName}/basepathmappings",
    "CreateBasePathMapping",
    true,
    mappings.createBasePathMapping,
  ],
  [
    "GET",
    "/domainnames/{domainName}/basepathmappings/{basePath}",
    "GetBasePathMapping",
    false,
    mappings.getBasePathMapping,
  ],
  [
    "DELETE",
    "/domainnames/{domainName}/basepathmappings/{basePath}",
    "DeleteBasePathMapping",
    true,
    mappings.deleteBasePathMapping,
  ],
  ["GET", "/restapis", "GetRestApis", false, restApis.getRestApis],
  ["POST", "/restapis", "CreateRestApi", true, restApis.createRestApi],
  ["GET", "/restapis/{restApiId}", "GetRestApi", false, restApis.getRestApi],
  ["PATCH", "/restapis/{restApiId}", "UpdateRestApi", true, restApis.updateRestApi],
  ["DELETE", "/restapis/{restApiId}", "DeleteRestApi", true, restApis.deleteRestApi],
  ["GET", "/restapis/{restApiId}/resources", "GetResources", false, resources.getResources],
  [
    "PUT",
    "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}",
    "PutMethod",
    true,
    resources.putMethod,
  ],
  [
    "PUT",
    "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration",
    "PutIntegration",
    true,
    resources.putIntegration,
  ],
  ["POST", "/restapis/{restApiId}/deployments", "CreateDeployment", true, stages.createDeployment],
  ["POST", "/restapis/{restApiId}/stages", "CreateStage", true, stages.createStage],
  ["GET", "/restapis/{restApiId}/stages", "GetStages", false, stages.getStages],
  ["GET", "/restapis/{restApiId}/stages/{stageName}", "GetStage", false, stages.getStage],
  ["PATCH", "/restapis/{restApiId}/stages/{stageName}", "UpdateStage", true, stages.updateStage],
  ["DELETE", "/restapis/{restApiId}/stages/{stageName}", "DeleteStage", true, stages.deleteStage],
];

/** The path's named parts, when `uri` (with {name} placeholders) matches it segment by segment. */
export function match(uri: string, path: string): Record<string, string> | null {
  const want = uri.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const placeholder = /^\{(\w+)\}$/.exec(want[i]!)?.[1];
    if (placeholder) params[placeholder] = got[i]!;
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

/** Matches a request to its API Gateway operation (v2's under /v2/). */
export function route(req: EmulatorRequest): Route | null {
  if (req.rawPath.startsWith("/v2/")) return routeV2(req);
  for (const [method, uri, operation, mutates, handler] of OPERATIONS) {
    if (method !== req.method) continue;
    const params = match(uri, req.rawPath);
    if (params) return { operation, mutates, run: (ctx) => handler(req, ctx, params) };
  }
  return null;
}
