/**
 * Methods on any resource of a REST API: PutMethod, GetMethod, UpdateMethod
 * (`/authorizationType`, `/authorizerId`, `/apiKeyRequired`,
 * `/operationName`), DeleteMethod; and their integrations (PutIntegration,
 * GetIntegration). CUSTOM and COGNITO_USER_POOLS need an authorizer of the
 * API of the matching kind, as on AWS.
 */
import { json, parseJsonBody } from "../http";
import type { RestApi } from "../state";
import { badRequest, conflict, notFound, str, type PatchOperation } from "./common";
import { AUTHORIZATION_TYPES, type RestMethod } from "./resource-schema";
import { findResource } from "./resources";
import { findRestApi } from "./rest-apis";
import type { Handler } from "../route-table";

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]);

function integrationView(m: RestMethod) {
  const i = m.integration!;
  return {
    type: i.type,
    ...(i.httpMethod ? { httpMethod: i.httpMethod } : {}),
    ...(i.uri ? { uri: i.uri } : {}),
    passthroughBehavior: "WHEN_NO_MATCH",
    timeoutInMillis: 29000,
    cacheKeyParameters: [],
  };
}

export function methodView(m: RestMethod) {
  return {
    httpMethod: m.httpMethod,
    authorizationType: m.authorizationType,
    ...(m.authorizerId ? { authorizerId: m.authorizerId } : {}),
    apiKeyRequired: m.apiKeyRequired,
    ...(m.operationName ? { operationName: m.operationName } : {}),
    ...(m.requestParameters ? { requestParameters: m.requestParameters } : {}),
    ...(m.integration ? { methodIntegration: integrationView(m) } : {}),
  };
}

/** The method's authorization as AWS accepts it; throws its refusal otherwise. */
function checkAuthorization(api: RestApi, m: RestMethod): RestMethod {
  if (!(AUTHORIZATION_TYPES as readonly string[]).includes(m.authorizationType))
    throw badRequest(
      `Invalid authorization type specified. Valid values are ${AUTHORIZATION_TYPES.join(", ")}`,
    );
  if (m.authorizationType !== "CUSTOM" && m.authorizationType !== "COGNITO_USER_POOLS") {
    const rest = { ...m };
    delete rest.authorizerId;
    return rest;
  }
  const authorizer = m.authorizerId ? api.authorizers[m.authorizerId] : undefined;
  const fits =
    authorizer && (authorizer.type === "COGNITO_USER_POOLS") === (m.authorizationType !== "CUSTOM");
  if (!fits)
    throw badRequest(
      "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.",
    );
  return m;
}

function findMethod(api: RestApi, resourceId: string, httpMethod: string) {
  const resource = findResource(api, resourceId);
  const method = resource.methods[httpMethod.toUpperCase()];
  if (!method) throw notFound("Invalid Method identifier specified");
  return { resource, method };
}

export const putMethod: Handler = (req, ctx, { restApiId, resourceId, httpMethod }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const resource = findResource(api, resourceId!);
  const name = httpMethod!.toUpperCase();
  if (!HTTP_METHODS.has(name)) throw badRequest(`Invalid HTTP method ${httpMethod}`);
  if (resource.methods[name]) throw conflict("Method already exists for this resource");
  const body = parseJsonBody(req);
  const authorizationType = str(body, "authorizationType");
  if (!authorizationType) throw badRequest("Authorization type must be specified");
  const authorizerId = str(body, "authorizerId");
  const operationName = str(body, "operationName");
  const method = checkAuthorization(api, {
    httpMethod: name,
    authorizationType: authorizationType as RestMethod["authorizationType"],
    apiKeyRequired: body.apiKeyRequired === true,
    ...(authorizerId ? { authorizerId } : {}),
    ...(operationName ? { operationName } : {}),
    ...(body.requestParameters && typeof body.requestParameters === "object"
      ? { requestParameters: body.requestParameters as Record<string, boolean> }
      : {}),
  });
  resource.methods[name] = method;
  return json(201, methodView(method));
};

export const getMethod: Handler = (req, ctx, { restApiId, resourceId, httpMethod }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  return json(200, methodView(findMethod(api, resourceId!, httpMethod!).method));
};

export const updateMethod: Handler = (req, ctx, { restApiId, resourceId, httpMethod }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const { resource, method } = findMethod(api, resourceId!, httpMethod!);
  const next: RestMethod = structuredClone(method);
  const ops = (parseJsonBody(req).patchOperations ?? []) as PatchOperation[];
  for (const op of ops) {
    if (op.op !== "replace")
      throw badRequest(`Invalid patch operation specified. Must be 'replace' (got '${op.op}').`);
    const value = op.value ?? "";
    if (op.path === "/authorizationType")
      next.authorizationType = value as RestMethod["authorizationType"];
    else if (op.path === "/authorizerId") next.authorizerId = value || undefined;
    else if (op.path === "/apiKeyRequired") next.apiKeyRequired = value.toLowerCase() === "true";
    else if (op.path === "/operationName") next.operationName = value || undefined;
    else throw badRequest(`Invalid patch path '${op.path ?? ""}' specified for op 'replace'.`);
  }
  if (!next.authorizerId) delete next.authorizerId;
  if (!next.operationName) delete next.operationName;
  resource.methods[method.httpMethod] = checkAuthorization(api, next);
  return json(200, methodView(resource.methods[method.httpMethod]!));
};

export const deleteMethod: Handler = (req, ctx, { restApiId, resourceId, httpMethod }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const { resource, method } = findMethod(api, resourceId!, httpMethod!);
  delete resource.methods[method.httpMethod];
  return { status: 204 };
};

export const putIntegration: Handler = (req, ctx, { restApiId, resourceId, httpMethod }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const { method } = findMethod(api, resourceId!, httpMethod!);
  const body = parseJsonBody(req);
  const type = str(body, "type");
  if (!type) throw badRequest("Integration type must be specified");
  const integrationMethod = str(body, "httpMethod");
  const uri = str(body, "uri");
  if (["HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY"].includes(type) && (!uri || !integrationMethod))
    throw badRequest("Enumeration value for HttpMethod and a uri must be specified");
  method.integration = {
    type,
    ...(integrationMethod ? { httpMethod: integrationMethod } : {}),
    ...(uri ? { uri } : {}),
  };
  return json(201, integrationView(method));
};

export const getIntegration: Handler = (req, ctx, { restApiId, resourceId, httpMethod }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const { method } = findMethod(api, resourceId!, httpMethod!);
  if (!method.integration) throw notFound("No integration defined for method");
  return json(200, integrationView(method));
};
