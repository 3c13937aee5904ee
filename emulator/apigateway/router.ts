/**
 * API Gateway (REST-JSON): the operations the emulator speaks, as the AWS
 * API reference lists them (method, request URI, operation). Fields, codes
 * and messages follow the service model; the list key is `item`,
 * timestamps are epoch seconds.
 */
import type { EmulatorRequest, Route } from "../http";
import * as mappings from "./base-path-mappings-wire";
import { updateDomainName } from "./domain-name-updates-wire";
import * as domains from "./domain-names-wire";
import * as authorizers from "./authorizers";
import * as methods from "./methods";
import * as resources from "./resources";
import * as restApis from "./rest-apis";
import * as stages from "./stages";
import { routeTable, type Operation } from "../route-table";
import { route as routeV2 } from "../apigatewayv2/router";

export { truststoreWarnings } from "./truststore-warnings";

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
    "POST",
    "/restapis/{restApiId}/resources/{parentId}",
    "CreateResource",
    true,
    resources.createResource,
  ],
  [
    "GET",
    "/restapis/{restApiId}/resources/{resourceId}",
    "GetResource",
    false,
    resources.getResource,
  ],
  [
    "DELETE",
    "/restapis/{restApiId}/resources/{resourceId}",
    "DeleteResource",
    true,
    resources.deleteResource,
  ],
  [
    "PUT",
    "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}",
    "PutMethod",
    true,
    methods.putMethod,
  ],
  [
    "GET",
    "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}",
    "GetMethod",
    false,
    methods.getMethod,
  ],
  [
    "PATCH",
    "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}",
    "UpdateMethod",
    true,
    methods.updateMethod,
  ],
  [
    "DELETE",
    "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}",
    "DeleteMethod",
    true,
    methods.deleteMethod,
  ],
  [
    "PUT",
    "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration",
    "PutIntegration",
    true,
    methods.putIntegration,
  ],
  [
    "GET",
    "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration",
    "GetIntegration",
    false,
    methods.getIntegration,
  ],
  [
    "POST",
    "/restapis/{restApiId}/authorizers",
    "CreateAuthorizer",
    true,
    authorizers.createAuthorizer,
  ],
  ["GET", "/restapis/{restApiId}/authorizers", "GetAuthorizers", false, authorizers.getAuthorizers],
  [
    "GET",
    "/restapis/{restApiId}/authorizers/{authorizerId}",
    "GetAuthorizer",
    false,
    authorizers.getAuthorizer,
  ],
  [
    "PATCH",
    "/restapis/{restApiId}/authorizers/{authorizerId}",
    "UpdateAuthorizer",
    true,
    authorizers.updateAuthorizer,
  ],
  [
    "DELETE",
    "/restapis/{restApiId}/authorizers/{authorizerId}",
    "DeleteAuthorizer",
    true,
    authorizers.deleteAuthorizer,
  ],
  [
    "DELETE",
    "/restapis/{restApiId}/stages/{stageName}/cache/authorizers",
    "FlushStageAuthorizersCache",
    true,
    authorizers.flushStageAuthorizersCache,
  ],
  ["POST", "/restapis/{restApiId}/deployments", "CreateDeployment", true, stages.createDeployment],
  ["POST", "/restapis/{restApiId}/stages", "CreateStage", true, stages.createStage],
  ["GET", "/restapis/{restApiId}/stages", "GetStages", false, stages.getStages],
  ["GET", "/restapis/{restApiId}/stages/{stageName}", "GetStage", false, stages.getStage],
  ["PATCH", "/restapis/{restApiId}/stages/{stageName}", "UpdateStage", true, stages.updateStage],
  ["DELETE", "/restapis/{restApiId}/stages/{stageName}", "DeleteStage", true, stages.deleteStage],
];

const routeV1 = routeTable(OPERATIONS);

/** Matches a request to its API Gateway operation (v2's under /v2/). */
export function route(req: EmulatorRequest): Route | null {
  return req.rawPath.startsWith("/v2/") ? routeV2(req) : routeV1(req);
}
