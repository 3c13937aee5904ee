/**
 * A REST API's resources: CreateResource (a path part under a parent:
 * `orders`, `{id}` or `{proxy+}`), GetResources (with `embed=methods`),
 * GetResource, DeleteResource (with its descendants; never the root).
 */
import { json, parseJsonBody, type EmulatorRequest } from "../http";
import { randomId, type RestApi } from "../state";
import { badRequest, conflict, notFound, page, str } from "./common";
import { methodView } from "./methods";
import type { RestResource } from "./resource-schema";
import { findRestApi } from "./rest-apis";
import type { Handler } from "../route-table";

export function findResource(api: RestApi, resourceId: string): RestResource {
  const resource = api.resources[decodeURIComponent(resourceId)];
  if (!resource) throw notFound("Invalid Resource identifier specified");
  return resource;
}

function resourceView(resource: RestResource, embedMethods: boolean) {
  const methods = Object.values(resource.methods);
  return {
    id: resource.id,
    ...(resource.parentId ? { parentId: resource.parentId } : {}),
    ...(resource.parentId ? { pathPart: resource.pathPart } : {}),
    path: resource.path,
    ...(methods.length
      ? {
          resourceMethods: Object.fromEntries(
            methods.map((m) => [m.httpMethod, embedMethods ? methodView(m) : {}]),
          ),
        }
      : {}),
  };
}

const embedsMethods = (req: EmulatorRequest) =>
  req.url.searchParams.getAll("embed").some((e) => e.split(",").includes("methods"));

const PATH_PART = /^([A-Za-z0-9._:-]+|\{[A-Za-z0-9._-]+\+?\})$/;
const isVariable = (part: string) => part.startsWith("{");

export const createResource: Handler = (req, ctx, { restApiId, parentId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const parent = findResource(api, parentId!);
  const pathPart = str(parseJsonBody(req), "pathPart");
  if (!pathPart || !PATH_PART.test(pathPart))
    throw badRequest(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  if (parent.pathPart.endsWith("+}"))
    throw badRequest(
      `Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`,
    );
  const siblings = Object.values(api.resources).filter((r) => r.parentId === parent.id);
  if (siblings.some((s) => s.pathPart === pathPart))
    throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
  const variable = siblings.find((s) => isVariable(s.pathPart));
  if (isVariable(pathPart) && variable)
    throw badRequest(
      `A sibling (${variable.pathPart}) of this resource already has a variable path part -- only one is allowed`,
    );
  const resource: RestResource = {
    id: randomId(6),
    parentId: parent.id,
    pathPart,
    path: `${parent.path === "/" ? "" : parent.path}/${pathPart}`,
    methods: {},
  };
  api.resources[resource.id] = resource;
  return json(201, resourceView(resource, false));
};

export const getResources: Handler = (req, ctx, { restApiId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const embed = embedsMethods(req);
  const sorted = Object.values(api.resources).sort((a, b) => (a.path < b.path ? -1 : 1));
  return page(sorted, req, ctx, (r) => resourceView(r, embed));
};

export const getResource: Handler = (req, ctx, { restApiId, resourceId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  return json(200, resourceView(findResource(api, resourceId!), embedsMethods(req)));
};

export const deleteResource: Handler = (req, ctx, { restApiId, resourceId }) => {
  const api = findRestApi(ctx.state, req.region, restApiId!);
  const resource = findResource(api, resourceId!);
  if (!resource.parentId) throw badRequest("Cannot delete the root resource");
  const doomed = new Set([resource.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of Object.values(api.resources))
      if (r.parentId && doomed.has(r.parentId) && !doomed.has(r.id)) {
        doomed.add(r.id);
        grew = true;
      }
  }
  for (const id of doomed) delete api.resources[id];
  return { status: 202 };
};
