/**
 * Which REST resource and method, or which HTTP API route, a request path
 * names, as API Gateway chooses: REST walks the resource tree preferring
 * an exact path part, then `{param}`, then `{proxy+}`, and takes the
 * method, else ANY; HTTP APIs take the most specific route (literal parts
 * before `{param}` before `{proxy+}`, a method before ANY), then `$default`.
 */
import type { RestMethod, RestResource } from "../apigateway/resource-schema";
import type { HttpRoute } from "../apigatewayv2/route-schema";
import type { HttpApi, RestApi } from "../state";

export interface RestMatch {
  resource: RestResource;
  /** Absent: a REST API with only its root answers any path and method without authorization. */
  method?: RestMethod;
  pathParameters: Record<string, string> | null;
}

const segmentsOf = (path: string) => path.split("/").filter(Boolean);
const variable = (part: string) => /^\{([^}+]+)(\+?)\}$/.exec(part);

/** Null when no resource or method matches (AWS: 403 Missing Authentication Token). */
export function matchRestMethod(api: RestApi, path: string, method: string): RestMatch | null {
  const resources = Object.values(api.resources);
  const root = resources.find((r) => !r.parentId);
  if (!root) return null;
  const pick = (r: RestResource) => r.methods[method] ?? r.methods.ANY;
  if (resources.length === 1) {
    const found = pick(root);
    return { resource: root, ...(found ? { method: found } : {}), pathParameters: null };
  }
  const children = (id: string) => {
    const rank = (r: RestResource) =>
      !variable(r.pathPart) ? 0 : r.pathPart.endsWith("+}") ? 2 : 1;
    return resources.filter((r) => r.parentId === id).sort((a, b) => rank(a) - rank(b));
  };
  const segments = segmentsOf(path);
  const walk = (
    at: RestResource,
    i: number,
    params: Record<string, string>,
  ): { resource: RestResource; params: Record<string, string> } | null => {
    if (i === segments.length) return { resource: at, params };
    for (const child of children(at.id)) {
      const v = variable(child.pathPart);
      if (v?.[2])
        return { resource: child, params: { ...params, [v[1]!]: segments.slice(i).join("/") } };
      const next = v ? { ...params, [v[1]!]: segments[i]! } : params;
      if (!v && child.pathPart !== segments[i]) continue;
      const found = walk(child, i + 1, next);
      if (found) return found;
    }
    return null;
  };
  const found = walk(root, 0, {});
  const chosen = found && pick(found.resource);
  if (!found || !chosen) return null;
  const params = Object.keys(found.params).length ? found.params : null;
  return { resource: found.resource, method: chosen, pathParameters: params };
}

export interface HttpMatch {
  route: HttpRoute;
  pathParameters: Record<string, string> | null;
}

/** How specific a route's key is: lower ranks first, compared part by part. */
function rankOf(route: HttpRoute): number[] {
  const [method, path = ""] = route.routeKey.split(" ");
  const parts = segmentsOf(path).map((p) => (!variable(p) ? 0 : p.endsWith("+}") ? 2 : 1));
  return [...parts.map((p) => p + 1), 0, method === "ANY" ? 1 : 0];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function matchRoutePath(pattern: string, segments: string[]): Record<string, string> | null {
  const want = segmentsOf(pattern);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const v = variable(want[i]!);
    if (v?.[2]) {
      if (segments.length <= i) return null;
      params[v[1]!] = segments.slice(i).join("/");
      return params;
    }
    if (segments[i] === undefined) return null;
    if (v) params[v[1]!] = segments[i]!;
    else if (want[i] !== segments[i]) return null;
  }
  return want.length === segments.length ? params : null;
}

/** Null when no route matches (AWS: 404 Not Found). */
export function matchHttpRoute(api: HttpApi, path: string, method: string): HttpMatch | null {
  const segments = segmentsOf(path);
  const candidates: (HttpMatch & { rank: number[] })[] = [];
  for (const route of Object.values(api.routes)) {
    const [routeMethod, pattern] = route.routeKey.split(" ");
    if (pattern === undefined || (routeMethod !== method && routeMethod !== "ANY")) continue;
    const params = matchRoutePath(pattern, segments);
    if (params)
      candidates.push({
        route,
        pathParameters: Object.keys(params).length ? params : null,
        rank: rankOf(route),
      });
  }
  candidates.sort((a, b) => compareRanks(a.rank, b.rank));
  const best = candidates[0];
  if (best) return { route: best.route, pathParameters: best.pathParameters };
  const fallback = Object.values(api.routes).find((r) => r.routeKey === "$default");
  return fallback ? { route: fallback, pathParameters: null } : null;
}
