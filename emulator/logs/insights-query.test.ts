import { describe, expect, it } from "vitest";
import { recordOf, runQuery } from "./insights-query";

const events = [
  { dn: "CN=a", status: "200", ms: 5 },
  { dn: "CN=b", status: "403", ms: 12 },
  { dn: "CN=a", status: "200", ms: 7 },
  { dn: "-", status: "200", ms: 1 },
].map((e, i) =>
  recordOf({ timestamp: Date.UTC(2026, 10, 29, 10, i), message: JSON.stringify(e), stream: "s" }),
);

describe("the Logs Insights subset", () => {
  it("fields, filter, stats by, sort and limit", () => {
    expect(
      runQuery(
        'fields dn, status | filter ispresent(dn) and dn != "-" | stats count(*) as requests, max(@timestamp) as last by dn | sort requests desc | limit 10',
        events,
      ),
    ).toEqual([
      { dn: "CN=a", requests: "2", last: "2026-11-29 10:02:00.000" },
      { dn: "CN=b", requests: "1", last: "2026-11-29 10:01:00.000" },
    ]);
    expect(runQuery("filter status = 403 or ms > 6 | fields dn | sort dn asc", events)).toEqual([
      { dn: "CN=a" },
      { dn: "CN=b" },
    ]);
    expect(
      runQuery("filter dn like /^CN=/ | stats sum(ms) as total, min(ms) as least", events),
    ).toEqual([{ total: "24", least: "5" }]);
    expect(runQuery("limit 1", events)).toHaveLength(1);
  });

  it("refuses what it does not implement, as MalformedQueryException", () => {
    expect(() => runQuery("parse @message /x/", events)).toThrow(/unsupported command/);
    expect(() => runQuery("stats avg(ms)", events)).toThrow(/unsupported stats function/);
  });
});
