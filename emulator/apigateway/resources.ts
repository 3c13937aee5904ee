/**
 * Resources and methods, as much as a deployment needs: GetResources (the
 * root resource "/"), PutMethod and PutIntegration on it. As on AWS, a REST
 * API without any method cannot be deployed.
 */
import { createHash } from "node:crypto";
import { json, parseJsonBody } from "../http";
import type { RestApi } from "../state";
import { badRequest, notFound, str } from "./common";
import { findRestApi } from "./rest-apis";
import type { Handler } from "../route-table";

/** The root resource's id: stable for the API, of AWS's shape. */
export const rootResourceId = (api: RestApi) =>
  createHash("sha256")
    .update(api.id)
    .digest("hex")
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 10);

function root(api: RestApi, resourceId: string) {
  if (decodeURIComponent(resourceId) !== rootResourceId(api))
    throw notFound("Invalid Resource identifier specified");
}

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]);

export const getResources: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const methods = Object.fromEntries(api.rootMethods.map((m) => [m, {}]));
  return json(200, {
    item: [
      {
        id: rootResourceId(api),
        path: "/",
        ...(api.rootMethods.length ? { resourceMethods: methods } : {}),
      },
    ],
  });
};

export const putMethod: Handler = (req, ctx, { restApiId, resourceId, httpMethod }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  root(api, resourceId!);
  const method = httpMethod!.toUpperCase();
  if (!METHODS.has(method)) throw badRequest(`Invalid HTTP method ${httpMethod}`);
  const authorizationType = str(parseJsonBody(req), "authorizationType");
  if (!authorizationType) throw badRequest("Authorization type must be specified");
  if (!api.rootMethods.includes(method)) api.rootMethods.push(method);
  return json(201, { httpMethod: method, authorizationType });
};

export const putIntegration: Handler = (req, ctx, { restApiId, resourceId, httpMethod }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  root(api, resourceId!);
  if (!api.rootMethods.includes(httpMethod!.toUpperCase()))
    throw notFound("Invalid Method identifier specified");
  const type = str(parseJsonBody(req), "type");
  if (!type) throw badRequest("Integration type must be specified");
  return json(201, { type });
};
