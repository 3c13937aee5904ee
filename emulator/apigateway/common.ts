/**
 * What every API Gateway handler shares: its errors, string fields, patch
 * operations, and paging with an opaque `position` token (the list key is
 * `item`; `limit` 1 to 500, default 25).
 */
import { AwsError, json, type Context, type EmulatorRequest, type Reply } from "../http";

export const badRequest = (message: string) => new AwsError(400, "BadRequestException", message);
export const notFound = (message: string) => new AwsError(404, "NotFoundException", message);
export const conflict = (message: string) => new AwsError(409, "ConflictException", message);

export interface PatchOperation {
  op?: string;
  path?: string;
  value?: string;
  from?: string;
}

export function str(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest(`Invalid value for ${key}: a string is required.`);
  return v;
}

function parseLimit(req: EmulatorRequest, ctx: Context): number {
  if (ctx.config.compat === "localstack") return Number.MAX_SAFE_INTEGER;
  const raw = req.url.searchParams.get("limit");
  if (raw === null) return 25;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw badRequest(
      "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 500",
    );
  }
  return limit;
}

/** Pages a sorted list with an opaque `position` token. */
export function page<T>(
  items: T[],
  req: EmulatorRequest,
  ctx: Context,
  view: (item: T) => unknown,
): Reply {
  const limit = parseLimit(req, ctx);
  const position = req.url.searchParams.get("position");
  let start = 0;
  if (position) {
    const decoded = Number(Buffer.from(position, "base64url").toString("utf8"));
    if (!Number.isInteger(decoded) || decoded < 0) throw badRequest("Invalid position parameter.");
    start = decoded;
  }
  const slice = items.slice(start, start + limit);
  const body: { item: unknown[]; position?: string } = { item: slice.map(view) };
  if (start + limit < items.length)
    body.position = Buffer.from(String(start + limit)).toString("base64url");
  return json(200, body);
}

/** Pages a list as API Gateway v2 does: `maxResults`, an opaque `nextToken`, items under `items`. */
export function pageV2<T>(items: T[], req: EmulatorRequest, view: (item: T) => unknown): Reply {
  const raw = req.url.searchParams.get("maxResults");
  const limit = raw === null ? items.length || 1 : Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw badRequest("Invalid maxResults.");
  const token = req.url.searchParams.get("nextToken");
  const start = token ? Number(Buffer.from(token, "base64url").toString("utf8")) : 0;
  if (!Number.isInteger(start) || start < 0) throw badRequest("Invalid nextToken.");
  const body: { items: unknown[]; nextToken?: string } = {
    items: items.slice(start, start + limit).map(view),
  };
  if (start + limit < items.length)
    body.nextToken = Buffer.from(String(start + limit)).toString("base64url");
  return json(200, body);
}
