/**
 * Logs Insights: StartQuery runs the query at once (over the groups' events
 * in [startTime, endTime], seconds); GetQueryResults answers Complete with
 * the rows and what was scanned.
 */
import { json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import { eventsOf, findGroup, logsError } from "./log-groups";
import { recordOf, runQuery } from "./insights-query";

interface Finished {
  results: { field: string; value: string }[][];
  statistics: { recordsMatched: number; recordsScanned: number; bytesScanned: number };
}
const queries = new Map<string, Finished>();

export function startQuery(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const names = Array.isArray(body.logGroupNames)
    ? (body.logGroupNames as string[])
    : typeof body.logGroupName === "string"
      ? [body.logGroupName]
      : [];
  if (names.length === 0)
    throw logsError(400, "InvalidParameterException", "A log group is required");
  const { startTime, endTime, queryString } = body;
  if (
    typeof startTime !== "number" ||
    typeof endTime !== "number" ||
    typeof queryString !== "string"
  )
    throw logsError(
      400,
      "InvalidParameterException",
      "startTime, endTime and queryString are required",
    );
  const events = names.flatMap((n) =>
    eventsOf(findGroup(ctx, req.region, n), startTime * 1000, endTime * 1000 + 999),
  );
  const records = events.map(recordOf);
  const rows = runQuery(queryString, records);
  const queryId = crypto.randomUUID();
  queries.set(queryId, {
    results: rows.map((r) => Object.entries(r).map(([field, value]) => ({ field, value }))),
    statistics: {
      recordsMatched: rows.length,
      recordsScanned: events.length,
      bytesScanned: events.reduce((n, e) => n + Buffer.byteLength(e.message), 0),
    },
  });
  if (queries.size > 1000) queries.delete(queries.keys().next().value!);
  return json(200, { queryId });
}

export function getQueryResults(req: EmulatorRequest) {
  const id = parseJsonBody(req).queryId;
  const found = typeof id === "string" ? queries.get(id) : undefined;
  if (!found) throw logsError(400, "ResourceNotFoundException", "Query does not exist");
  return json(200, { status: "Complete", ...found });
}
