/**
 * CloudWatch Logs groups, streams and events: CreateLogGroup,
 * DescribeLogGroups, PutRetentionPolicy, CreateLogStream, PutLogEvents,
 * FilterLogEvents.
 */
import { AwsError, json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import { logGroupKey, type LogGroup } from "../state";

export const logsError = (status: number, type: string, message: string) =>
  new AwsError(status, type, message);
const invalid = (message: string) => logsError(400, "InvalidParameterException", message);
const notFound = (message: string) => logsError(400, "ResourceNotFoundException", message);

export const logGroupArn = (account: string, region: string, name: string) =>
  `arn:aws:logs:${region}:${account}:log-group:${name}`;

/** `arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]` → its region and name. */
export function logGroupFromArn(arn: string): { region: string; name: string } | null {
  const m = /^arn:aws:logs:([a-z0-9-]+):\d{12}:log-group:([^:*]+)(:\*)?$/.exec(arn);
  return m ? { region: m[1]!, name: m[2]! } : null;
}

function name(body: Record<string, unknown>, key = "logGroupName"): string {
  const v = body[key];
  if (typeof v !== "string" || !/^[.\-_/#A-Za-z0-9]{1,512}$/.test(v))
    throw invalid(`1 validation error detected: Value at '${key}' failed to satisfy constraint`);
  return v;
}

export function findGroup(ctx: Context, region: string, group: string): LogGroup {
  const found = ctx.state.logGroups[logGroupKey(region, group)];
  if (!found) throw notFound("The specified log group does not exist.");
  return found;
}

/** Creates the group when missing (the data plane's access logs do, as AWS's delivery does not). */
export function ensureGroup(ctx: Context, region: string, group: string): LogGroup {
  const key = logGroupKey(region, group);
  ctx.state.logGroups[key] ??= { region, name: group, createdAt: ctx.now(), streams: {} };
  return ctx.state.logGroups[key];
}

export function createLogGroup(req: EmulatorRequest, ctx: Context) {
  const group = name(parseJsonBody(req));
  if (ctx.state.logGroups[logGroupKey(req.region, group)])
    throw logsError(
      400,
      "ResourceAlreadyExistsException",
      "The specified log group already exists",
    );
  ensureGroup(ctx, req.region, group);
  return json(200, {});
}

const bytesOf = (g: LogGroup) =>
  Object.values(g.streams).reduce(
    (n, events) => n + events.reduce((m, e) => m + Buffer.byteLength(e.message), 0),
    0,
  );

export function describeLogGroups(req: EmulatorRequest, ctx: Context) {
  const prefix = (parseJsonBody(req).logGroupNamePrefix as string | undefined) ?? "";
  const logGroups = Object.values(ctx.state.logGroups)
    .filter((g) => g.region === req.region && g.name.startsWith(prefix))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((g) => ({
      logGroupName: g.name,
      creationTime: g.createdAt,
      arn: `${logGroupArn(ctx.account, g.region, g.name)}:*`,
      logGroupArn: logGroupArn(ctx.account, g.region, g.name),
      storedBytes: bytesOf(g),
      ...(g.retentionInDays ? { retentionInDays: g.retentionInDays } : {}),
    }));
  return json(200, { logGroups });
}

/** The retentions CloudWatch Logs accepts, in days. */
const RETENTIONS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

export function putRetentionPolicy(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const group = findGroup(ctx, req.region, name(body));
  if (!RETENTIONS.includes(body.retentionInDays as number))
    throw invalid(
      `1 validation error detected: Value '${String(body.retentionInDays)}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTIONS.join(", ")}]`,
    );
  group.retentionInDays = body.retentionInDays as number;
  return json(200, {});
}

export function createLogStream(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const group = findGroup(ctx, req.region, name(body));
  const stream = name(body, "logStreamName");
  if (group.streams[stream])
    throw logsError(
      400,
      "ResourceAlreadyExistsException",
      "The specified log stream already exists",
    );
  group.streams[stream] = [];
  return json(200, {});
}

export function putLogEvents(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const group = findGroup(ctx, req.region, name(body));
  const events = group.streams[name(body, "logStreamName")];
  if (!events) throw notFound("The specified log stream does not exist.");
  const incoming = body.logEvents as { timestamp?: unknown; message?: unknown }[] | undefined;
  if (!Array.isArray(incoming) || incoming.length === 0 || incoming.length > 10_000)
    throw invalid("logEvents must hold 1 to 10,000 events");
  for (const e of incoming) {
    if (typeof e.timestamp !== "number" || typeof e.message !== "string")
      throw invalid("Each log event needs a numeric timestamp and a message");
    events.push({ timestamp: e.timestamp, message: e.message, ingested: ctx.now() });
  }
  return json(200, { nextSequenceToken: String(events.length) });
}

/** Every event of a group in [start, end] (ms), oldest first, with its stream. */
export function eventsOf(group: LogGroup, start = 0, end = Number.MAX_SAFE_INTEGER) {
  return Object.entries(group.streams)
    .flatMap(([stream, events]) => events.map((e) => ({ ...e, stream })))
    .filter((e) => e.timestamp >= start && e.timestamp <= end)
    .sort((a, b) => a.timestamp - b.timestamp);
}

/** FilterLogEvents: every term of a plain filter pattern must occur in the message. */
export function filterLogEvents(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const group = findGroup(ctx, req.region, name(body));
  const pattern = typeof body.filterPattern === "string" ? body.filterPattern : "";
  const terms = [...pattern.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  const limit = typeof body.limit === "number" ? Math.min(body.limit, 10_000) : 10_000;
  const start = typeof body.nextToken === "string" ? Number(body.nextToken) : 0;
  const matched = eventsOf(
    group,
    typeof body.startTime === "number" ? body.startTime : 0,
    typeof body.endTime === "number" ? body.endTime : undefined,
  ).filter((e) => terms.every((t) => e.message.includes(t)));
  const slice = matched.slice(start, start + limit);
  return json(200, {
    events: slice.map((e, i) => ({
      logStreamName: e.stream,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingested,
      eventId: String(start + i),
    })),
    searchedLogStreams: [],
    ...(start + limit < matched.length ? { nextToken: String(start + limit) } : {}),
  });
}
