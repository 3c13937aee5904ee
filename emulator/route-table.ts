/**
 * The operation tables every service routes by, one row per operation.
 * REST protocols (API Gateway, S3): [method, request URI, operation,
 * mutates, handler], the request URI as the AWS API reference writes it:
 * {name} placeholders, {name+} for the rest of the path, and a query marker
 * (`?versioning`, `?list-type=2`) the request must carry. JSON protocols
 * (ACM, CloudWatch Logs): [operation, mutates, handler], the operation named
 * by X-Amz-Target. The first row that matches wins.
 */
import {
  header,
  type AwsError,
  type Context,
  type EmulatorRequest,
  type Reply,
  type Route,
} from "./http";

/** A handler: the request, the emulator, and the request URI's named parts. */
export type Handler = (
  req: EmulatorRequest,
  ctx: Context,
  params: Record<string, string>,
) => Reply | Promise<Reply>;

export type Operation = [
  method: string,
  uri: string,
  operation: string,
  mutates: boolean,
  handler: Handler,
];

export type TargetOperation = [operation: string, mutates: boolean, handler: Handler];

/** The path's named parts, when `uri`'s path part matches `segments` one by one. */
function matchPath(uri: string, segments: string[]): Record<string, string> | null {
  const want = uri.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const rest = /^\{(\w+)\+\}$/.exec(want[i]!)?.[1];
    if (rest) {
      if (segments.length <= i) return null;
      params[rest] = segments.slice(i).join("/");
      return params;
    }
    const placeholder = /^\{(\w+)\}$/.exec(want[i]!)?.[1];
    if (placeholder && segments[i] !== undefined) params[placeholder] = segments[i]!;
    else if (want[i] !== segments[i]) return null;
  }
  return want.length === segments.length ? params : null;
}

/** Whether the request carries the URI's query marker (`name` or `name=value`), if any. */
function matchQuery(marker: string | undefined, query: URLSearchParams): boolean {
  if (marker === undefined) return true;
  const [name, value] = marker.split("=") as [string, string | undefined];
  return value === undefined ? query.has(name) : query.get(name) === value;
}

/**
 * Matches a request to its operation by method and request URI.
 * `suffix` names another API version's operations (GetDomainNamesV2);
 * `segments` splits the path as the service does (default: at each `/`).
 */
export function routeTable(
  operations: Operation[],
  options: { suffix?: string; segments?: (req: EmulatorRequest) => string[] } = {},
) {
  const { suffix = "", segments = (req) => req.rawPath.split("/").filter(Boolean) } = options;
  const rows = operations.map(([method, uri, operation, mutates, handler]) => {
    const [path, marker] = uri.split("?") as [string, string | undefined];
    return { method, path, marker, operation: `${operation}${suffix}`, mutates, handler };
  });
  return (req: EmulatorRequest): Route | null => {
    const parts = segments(req);
    for (const { method, path, marker, operation, mutates, handler } of rows) {
      if (method !== req.method || !matchQuery(marker, req.url.searchParams)) continue;
      const params = matchPath(path, parts);
      if (params) return { operation, mutates, run: (ctx) => handler(req, ctx, params) };
    }
    return null;
  };
}

/**
 * Matches a request to its operation by X-Amz-Target: the operation is
 * what follows `prefix`. `unknown` answers every other target (null: not
 * this service's request).
 */
export function targetTable(
  prefix: RegExp,
  operations: TargetOperation[],
  unknown: (operation: string, target: string) => Route | null,
) {
  const rows = new Map(
    operations.map(([operation, mutates, handler]) => [operation, { mutates, handler }]),
  );
  return (req: EmulatorRequest): Route | null => {
    const target = header(req, "x-amz-target") ?? "";
    const found = prefix.exec(target);
    const operation = found ? target.slice(found[0].length) : "";
    const row = rows.get(operation);
    if (!row) return unknown(operation, target);
    return { operation, mutates: row.mutates, run: (ctx) => row.handler(req, ctx, {}) };
  };
}

/** A route that only refuses: an operation the emulator does not speak, or a request it turns down. */
export function refusal(operation: string, error: () => AwsError): Route {
  return {
    operation,
    mutates: false,
    run: () => {
      throw error();
    },
  };
}
