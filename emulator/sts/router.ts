/**
 * STS (query protocol, XML), as much as the dashboard uses: GetCallerIdentity,
 * so the console can name its own account (the request's, from its access
 * key) as the audit bucket's expected owner, and AssumeRole, so its fleet
 * mode can act in other accounts. Operations are named by the Action
 * parameter; their handlers get the parameters as the request URI's parts.
 */
import type { EmulatorRequest, Route } from "../http";
import type { Handler } from "../route-table";
import { assumeRole } from "./assume-role";
import { getCallerIdentity } from "./caller-identity";

export { stsError } from "./xml";

const ACTIONS = new Map<string, Handler>([
  ["GetCallerIdentity", getCallerIdentity],
  ["AssumeRole", assumeRole],
]);

/** The query protocol's parameters: a POST's form body, else the query string. */
export function queryParams(req: EmulatorRequest): URLSearchParams {
  return new URLSearchParams(req.method === "POST" ? req.body.toString("utf8") : req.url.search);
}

export function route(req: EmulatorRequest): Route | null {
  const params = queryParams(req);
  const action = params.get("Action") ?? "";
  const handler = ACTIONS.get(action);
  if (!handler) return null;
  return {
    operation: action,
    mutates: false,
    run: (ctx) => handler(req, ctx, Object.fromEntries(params)),
  };
}
