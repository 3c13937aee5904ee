/**
 * API Gateway v2 (REST-JSON under /v2/): custom domain names, HTTP APIs,
 * their stages, routes and authorizers, API mappings, and domains' routing
 * rules, as the AWS API reference lists them.
 */
import { routeTable, type Operation } from "../route-table";
import * as apis from "./apis";
import * as authorizers from "./authorizers";
import * as domains from "./domain-names";
import * as routes from "./routes";
import * as rules from "./routing-rules";
import * as stages from "./stages";

const OPERATIONS: Operation[] = [
  ["GET", "/v2/domainnames", "GetDomainNames", false, domains.getDomainNamesV2],
  ["POST", "/v2/domainnames", "CreateDomainName", true, domains.createDomainNameV2],
  ["GET", "/v2/domainnames/{domainName}", "GetDomainName", false, domains.getDomainNameV2],
  ["PATCH", "/v2/domainnames/{domainName}", "UpdateDomainName", true, domains.updateDomainNameV2],
  ["GET", "/v2/domainnames/{domainName}/apimappings", "GetApiMappings", false, apis.getApiMappings],
  [
    "POST",
    "/v2/domainnames/{domainName}/apimappings",
    "CreateApiMapping",
    true,
    apis.createApiMapping,
  ],
  [
    "GET",
    "/v2/domainnames/{domainName}/routingrules",
    "ListRoutingRules",
    false,
    rules.getRoutingRules,
  ],
  [
    "POST",
    "/v2/domainnames/{domainName}/routingrules",
    "CreateRoutingRule",
    true,
    rules.createRoutingRule,
  ],
  [
    "GET",
    "/v2/domainnames/{domainName}/routingrules/{routingRuleId}",
    "GetRoutingRule",
    false,
    rules.getRoutingRule,
  ],
  [
    "DELETE",
    "/v2/domainnames/{domainName}/routingrules/{routingRuleId}",
    "DeleteRoutingRule",
    true,
    rules.deleteRoutingRule,
  ],
  ["GET", "/v2/apis", "GetApis", false, apis.getApis],
  ["POST", "/v2/apis", "CreateApi", true, apis.createApi],
  ["GET", "/v2/apis/{apiId}", "GetApi", false, apis.getApi],
  ["GET", "/v2/apis/{apiId}/stages", "GetStages", false, stages.getStagesV2],
  ["POST", "/v2/apis/{apiId}/stages", "CreateStage", true, stages.createStageV2],
  ["GET", "/v2/apis/{apiId}/stages/{stageName}", "GetStage", false, stages.getStageV2],
  ["PATCH", "/v2/apis/{apiId}/stages/{stageName}", "UpdateStage", true, stages.updateStageV2],
  ["GET", "/v2/apis/{apiId}/routes", "GetRoutes", false, routes.getRoutes],
  ["POST", "/v2/apis/{apiId}/routes", "CreateRoute", true, routes.createRoute],
  ["GET", "/v2/apis/{apiId}/routes/{routeId}", "GetRoute", false, routes.getRoute],
  ["PATCH", "/v2/apis/{apiId}/routes/{routeId}", "UpdateRoute", true, routes.updateRoute],
  ["DELETE", "/v2/apis/{apiId}/routes/{routeId}", "DeleteRoute", true, routes.deleteRoute],
  ["GET", "/v2/apis/{apiId}/authorizers", "GetAuthorizers", false, authorizers.getAuthorizersV2],
  [
    "POST",
    "/v2/apis/{apiId}/authorizers",
    "CreateAuthorizer",
    true,
    authorizers.createAuthorizerV2,
  ],
  [
    "GET",
    "/v2/apis/{apiId}/authorizers/{authorizerId}",
    "GetAuthorizer",
    false,
    authorizers.getAuthorizerV2,
  ],
  [
    "PATCH",
    "/v2/apis/{apiId}/authorizers/{authorizerId}",
    "UpdateAuthorizer",
    true,
    authorizers.updateAuthorizerV2,
  ],
  [
    "DELETE",
    "/v2/apis/{apiId}/authorizers/{authorizerId}",
    "DeleteAuthorizer",
    true,
    authorizers.deleteAuthorizerV2,
  ],
  [
    "DELETE",
    "/v2/apis/{apiId}/stages/{stageName}/cache/authorizers",
    "ResetAuthorizersCache",
    true,
    authorizers.resetAuthorizersCache,
  ],
];

export const route = routeTable(OPERATIONS, { suffix: "V2" });
