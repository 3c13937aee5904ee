/**
 * An API's operations as the AWS API reference lists them (method, request
 * URI with {name} placeholders, operation), and the router over them.
 */
import type { EmulatorRequest, Route } from "../http";
import type { Handler } from "./common";

export type Operation = [
  method: string,
  uri: string,
  operation: string,
  mutates: boolean,
  handler: Handler,
];

/** The path's named parts, when `uri` matches it segment by segment. */
function match(uri: string, path: string): Record<string, string> | null {
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

/** Matches a request to its operation; `suffix` names another API version's (GetDomainNamesV2). */
export function routeTable(operations: Operation[], suffix = "") {
  return (req: EmulatorRequest): Route | null => {
    for (const [method, uri, operation, mutates, handler] of operations) {
      if (method !== req.method) continue;
      const params = match(uri, req.rawPath);
      if (params)
        return {
          operation: `${operation}${suffix}`,
          mutates,
          run: (ctx) => handler(req, ctx, params),
        };
    }
    return null;
  };
}
