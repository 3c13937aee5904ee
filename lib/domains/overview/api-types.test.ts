/**
 * A domain's API types from its API mappings, over HTTP against the
 * emulator's demo data: REST, HTTP, both and none; one GetApiMappings call
 * per domain, kept; an API the listings do not have yet is asked for; a
 * read that outlasts the wait goes on; a failed read is not kept; and the
 * overview's type filter.
 */
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateStageCommand,
} from "@aws-sdk/client-apigatewayv2";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { apiTypesOf } from "./api-types";
import { overviewPage } from "./overview-page";
import { parseOverviewQuery } from "../../model/overview-query";

const REGION = "us-east-1";

const t = suiteEmulator({ AUDIT_BUCKET: "types-audit" });

beforeAll(async () => {
  await t.control("seed", {});
});

async function calls(): Promise<Record<string, number>> {
  return (await t.control<{ counts: Record<string, number> }>("requests")).counts;
}
const delta = (after: Record<string, number>, before: Record<string, number>, op: string) =>
  (after[op] ?? 0) - (before[op] ?? 0);

describe("API types", () => {
  it("reads REST, HTTP, both and none with one call per domain, and keeps them", async () => {
    const names = [
      "api.partners.example.com",
      "payments.example.com",
      "www.example.com",
      "legacy.example.com",
    ];
    const before = await calls();
    const read = await apiTypesOf(REGION, names);
    expect(read.pending).toEqual([]);
    expect(read.types).toEqual({
      "api.partners.example.com": { kinds: ["REST"], readAt: expect.any(Number) },
      "payments.example.com": { kinds: ["REST", "HTTP"], readAt: expect.any(Number) },
      "www.example.com": { kinds: ["HTTP"], readAt: expect.any(Number) },
      "legacy.example.com": { kinds: [], readAt: expect.any(Number) },
    });
    const after = await calls();
    expect(delta(after, before, "GetApiMappingsV2")).toBe(4);
    expect(delta(after, before, "GetRestApis")).toBe(1);
    expect(delta(after, before, "GetApisV2")).toBe(1);
    expect(delta(after, before, "GetApiV2")).toBe(0);
    expect(await apiTypesOf(REGION, names)).toEqual(read);
    const again = await calls();
    expect(delta(again, after, "GetApiMappingsV2")).toBe(0);
    expect(delta(again, after, "GetApisV2")).toBe(0);
  });

  it("asks for an API that the kept listings do not have yet", async () => {
    const { apiGatewayV2 } = t.clients(REGION);
    const api = await apiGatewayV2.send(
      new CreateApiCommand({ Name: "late", ProtocolType: "HTTP" }),
    );
    await apiGatewayV2.send(new CreateStageCommand({ ApiId: api.ApiId, StageName: "live" }));
    await apiGatewayV2.send(
      new CreateApiMappingCommand({
        DomainName: "secure.example.com",
        ApiId: api.ApiId,
        Stage: "live",
        ApiMappingKey: "late",
      }),
    );
    const before = await calls();
    const read = await apiTypesOf(REGION, ["secure.example.com"]);
    expect(read.types["secure.example.com"]).toEqual({
      kinds: ["HTTP"],
      readAt: expect.any(Number),
    });
    const after = await calls();
    expect(delta(after, before, "GetApiV2")).toBe(1);
    expect(delta(after, before, "GetApisV2")).toBe(0);
  });

  it("a read that outlasts the wait goes on, and the next one finds it", async () => {
    const name = "billing.partners.example.com";
    await t.control("faults", { operation: "GetApiMappingsV2", kind: "latency", latencyMs: 1500 });
    const before = await calls();
    const first = await apiTypesOf(REGION, [name], 100);
    expect(first).toEqual({ types: {}, pending: [name] });
    const second = await apiTypesOf(REGION, [name]);
    expect(second.types[name]).toEqual({ kinds: ["REST"], readAt: expect.any(Number) });
    expect(delta(await calls(), before, "GetApiMappingsV2")).toBe(1);
    // A kept read keeps the time it was read: the overview tells its age from it.
    await new Promise((r) => setTimeout(r, 20));
    const third = await apiTypesOf(REGION, [name]);
    expect(third.types[name]).toEqual(second.types[name]);
    expect(delta(await calls(), before, "GetApiMappingsV2")).toBe(1);
  });

  it("a failed read says why, without AWS's text, and is not kept", async () => {
    const name = "devices.iot.example.com";
    await t.control("faults", { operation: "GetApiMappingsV2", kind: "error500", count: 3 });
    const failed = (await apiTypesOf(REGION, [name])).types[name];
    expect(failed).toEqual({
      unknown: expect.stringMatching(
        /^Could not list the API mappings \(API Gateway v2\): AWS had an internal error/,
      ),
    });
    expect(JSON.stringify(failed)).not.toMatch(/InternalServerError|emulator|fault/i);
    expect((await apiTypesOf(REGION, [name])).types[name]).toEqual({
      kinds: ["REST"],
      readAt: expect.any(Number),
    });
  });
});

describe("the overview's type filter", () => {
  it("keeps the domains with an API of that kind, and reads types only for the other filters' matches", async () => {
    // Searched to one domain: only that domain's mappings are read.
    const before = await calls();
    const docs = await overviewPage(
      REGION,
      parseOverviewQuery({ type: "REST", q: "docs.example" }),
    );
    expect(delta(await calls(), before, "GetApiMappingsV2")).toBe(1);
    expect(docs.matching).toBe(0);
    const http = await overviewPage(REGION, parseOverviewQuery({ type: "HTTP" }));
    expect(http.rows.map((r) => r.domain.domainName)).toEqual([
      "payments.example.com",
      "secure.example.com",
      "www.example.com",
    ]);
    expect(http.rows.every((r) => r.apiTypes && "kinds" in r.apiTypes)).toBe(true);
    expect(http.typesPending).toBe(0);
    const none = await overviewPage(REGION, parseOverviewQuery({ type: "NONE", q: "legacy" }));
    expect(none.rows.map((r) => r.domain.domainName)).toEqual(["legacy.example.com"]);
    const mapped = await overviewPage(REGION, parseOverviewQuery({ type: "NONE", q: "www" }));
    expect(mapped.matching).toBe(0);
  });

  it("a page without the filter streams the shown rows' types", async () => {
    const page = await overviewPage(REGION, parseOverviewQuery({ q: "www." }));
    expect(page.rows.map((r) => r.domain.domainName)).toEqual(["www.example.com"]);
    expect(page.rows[0]!.apiTypes).toBeUndefined();
    expect(await page.apiTypes).toEqual({
      "www.example.com": { kinds: ["HTTP"], readAt: expect.any(Number) },
    });
  });

  it("shows what it has when types take longer than the page waits, and says how many are pending", async () => {
    await t.control("faults", {
      operation: "GetApiMappingsV2",
      kind: "latency",
      latencyMs: 6000,
      pathContains: "static.eu.example.com",
    });
    const none = parseOverviewQuery({ type: "NONE" });
    const page = await overviewPage("eu-west-1", none);
    expect(page.typesPending).toBe(1);
    expect(page.rows.map((r) => r.domain.domainName)).toEqual(["api.eu.example.com"]);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const later = await overviewPage("eu-west-1", none);
    expect(later.typesPending).toBe(0);
    expect(later.rows.map((r) => r.domain.domainName)).toEqual([
      "api.eu.example.com",
      "static.eu.example.com",
    ]);
  });
});

describe("pacing", () => {
  it("paces the calls as asked (on AWS: 5 a second), so the account's management quota keeps room", async () => {
    vi.resetModules();
    process.env.MTLS_CONSOLE_TYPES_PER_SECOND = "5";
    try {
      const fresh = await import("./api-types");
      const names = [
        "api.partners.example.com",
        "billing.partners.example.com",
        "broken.example.com",
        "devices.iot.example.com",
        "docs.example.com",
        "legacy.example.com",
        "payments.example.com",
        "reimport.example.com",
        "secure.example.com",
        "staging.partners.example.com",
        "www.example.com",
      ];
      const before = await calls();
      const start = performance.now();
      const read = await fresh.apiTypesOf(REGION, names);
      const elapsed = performance.now() - start;
      expect(read.pending).toEqual([]);
      expect(Object.keys(read.types)).toHaveLength(11);
      // 11 mapping calls and one listing task: at 5 a second, the last starts 2 s after the first.
      expect(delta(await calls(), before, "GetApiMappingsV2")).toBe(11);
      expect(elapsed).toBeGreaterThanOrEqual(1950);
    } finally {
      delete process.env.MTLS_CONSOLE_TYPES_PER_SECOND;
    }
  });
});
