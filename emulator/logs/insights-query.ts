/**
 * The subset of the CloudWatch Logs Insights query language the dashboard
 * uses: `fields`, `filter` (=, !=, <, >, ispresent(), like /re/, and/or),
 * `stats count(*)|count(f)|max(f)|min(f)|sum(f) [as name] by f1, f2`,
 * `sort f [asc|desc]`, `limit N`. Records are the log events with
 * @timestamp, @message, @logStream and the fields of a JSON message.
 */
import { logsError } from "./log-groups";

export type Row = Record<string, string>;
const malformed = (message: string) => logsError(400, "MalformedQueryException", message);

/** "2026-11-29 15:20:01.123", as Insights shows @timestamp. */
const stamp = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");

export function recordOf(e: { timestamp: number; message: string; stream: string }): Row {
  const row: Row = {
    "@timestamp": stamp(e.timestamp),
    "@message": e.message,
    "@logStream": e.stream,
  };
  try {
    const parsed = JSON.parse(e.message) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      for (const [k, v] of Object.entries(parsed)) if (v !== null) row[k] = String(v);
  } catch {
    // Not JSON: only the @ fields.
  }
  return row;
}

type Test = (row: Row) => boolean;

function literal(raw: string): string {
  const t = raw.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

function condition(raw: string): Test {
  const ors = raw.split(/\s+or\s+/i);
  if (ors.length > 1) {
    const tests = ors.map(condition);
    return (row) => tests.some((t) => t(row));
  }
  const ands = raw.split(/\s+and\s+/i);
  if (ands.length > 1) {
    const tests = ands.map(condition);
    return (row) => tests.every((t) => t(row));
  }
  const text = raw.trim();
  const negated = /^not\s+/i.test(text);
  const body = negated ? text.replace(/^not\s+/i, "") : text;
  const present = /^ispresent\(\s*([\w@.]+)\s*\)$/i.exec(body);
  let test: Test;
  if (present) test = (row) => row[present[1]!] !== undefined;
  else {
    const like = /^([\w@.]+)\s+like\s+\/(.*)\/$/i.exec(body);
    const cmp = /^([\w@.]+)\s*(!=|=|<=|>=|<|>)\s*(.+)$/.exec(body);
    if (like) {
      const re = new RegExp(like[2]!);
      test = (row) => re.test(row[like[1]!] ?? "");
    } else if (cmp) {
      const [, field, op, value] = cmp;
      const want = literal(value!);
      test = (row) => {
        const got = row[field!];
        if (got === undefined) return false;
        const n = Number(got);
        const w = Number(want);
        const numeric = !Number.isNaN(n) && !Number.isNaN(w) && want !== "";
        const order = numeric ? n - w : got.localeCompare(want);
        return op === "="
          ? got === want
          : op === "!="
            ? got !== want
            : op === "<"
              ? order < 0
              : op === ">"
                ? order > 0
                : op === "<="
                  ? order <= 0
                  : order >= 0;
      };
    } else throw malformed(`unexpected filter: ${body}`);
  }
  return negated ? (row) => !test(row) : test;
}

const split = (list: string) =>
  list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function stats(rows: Row[], spec: string): Row[] {
  const [aggPart, byPart] = spec.split(/\s+by\s+/i) as [string, string | undefined];
  const keys = byPart ? split(byPart) : [];
  const aggs = split(aggPart).map((a) => {
    const m = /^(count|max|min|sum)\(\s*([\w@.*]*)\s*\)(?:\s+as\s+([\w@.]+))?$/i.exec(a);
    if (!m) throw malformed(`unsupported stats function: ${a}`);
    return { fn: m[1]!.toLowerCase(), field: m[2]!, as: m[3] ?? a };
  });
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    if (keys.some((k) => row[k] === undefined)) continue;
    const id = JSON.stringify(keys.map((k) => row[k]));
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  return [...groups.values()].map((members) => {
    const out: Row = {};
    for (const k of keys) out[k] = members[0]![k]!;
    for (const { fn, field, as } of aggs) {
      const values = members.map((r) => r[field]).filter((v): v is string => v !== undefined);
      if (fn === "count")
        out[as] = String(field === "*" || field === "" ? members.length : values.length);
      else if (fn === "sum") out[as] = String(values.reduce((n, v) => n + Number(v), 0));
      else {
        const sorted = [...values].sort((a, b) => {
          const d = Number(a) - Number(b);
          return Number.isNaN(d) ? a.localeCompare(b) : d;
        });
        const pick = fn === "max" ? sorted.at(-1) : sorted[0];
        if (pick !== undefined) out[as] = pick;
      }
    }
    return out;
  });
}

/** Runs a query over records; the result rows in order. */
export function runQuery(query: string, records: Row[]): Row[] {
  let rows = records;
  let limit = 10_000;
  let projection: string[] | undefined;
  for (const command of query
    .split("|")
    .map((c) => c.trim())
    .filter(Boolean)) {
    const [, verb, rest = ""] = /^(\w+)\s*([\s\S]*)$/.exec(command) ?? [];
    switch (verb?.toLowerCase()) {
      case "fields":
        // What is shown; later commands still see every field, as in Logs Insights.
        projection = split(rest);
        break;
      case "filter":
        rows = rows.filter(condition(rest));
        break;
      case "stats":
        rows = stats(rows, rest);
        projection = undefined;
        break;
      case "sort": {
        const [field, dir] = rest.split(/\s+/) as [string, string | undefined];
        const sign = dir?.toLowerCase() === "asc" ? 1 : -1;
        rows = [...rows].sort((a, b) => {
          const x = a[field] ?? "";
          const y = b[field] ?? "";
          const d = Number(x) - Number(y);
          return sign * (Number.isNaN(d) || x === "" || y === "" ? x.localeCompare(y) : d);
        });
        break;
      }
      case "limit":
        limit = Number(rest);
        if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
          throw malformed("limit is 1 to 10000");
        break;
      default:
        throw malformed(`unsupported command: ${command.slice(0, 40)}`);
    }
  }
  const shown = projection;
  return rows
    .slice(0, limit)
    .map((r) =>
      shown
        ? Object.fromEntries(shown.filter((f) => r[f] !== undefined).map((f) => [f, r[f]!]))
        : r,
    );
}
