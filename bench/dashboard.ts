/**
 * Dashboard speed: server time to render the overview for 1,200 domains
 * (with the API type column, and the type filter that reads every
 * domain's mappings), and first-load JavaScript per page (gzipped), from the production build
 * (built first when there is none: run `npm run build` for fresh figures).
 */
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { paginateListCertificates } from "@aws-sdk/client-acm";
import { paginateGetDomainNames } from "@aws-sdk/client-api-gateway";
import { createClients } from "../lib/aws/clients";
import { fixed, rssMb, table } from "./measure";
import { waitForOk } from "../test-support/wait-for-ok";
import { loadRun } from "./load";

const PORT = 3190;
/** The API type reads' pace on AWS (lib/domains/overview/api-types.ts). */
const AWS_PACE = 5;
const EMULATOR_PORT = 4690;
const BASE = `http://127.0.0.1:${PORT}`;

async function control(path: string, body: unknown) {
  const res = await fetch(`http://127.0.0.1:${EMULATOR_PORT}/_emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
}

interface TypeFilterTimes {
  first: number;
  firstPending: boolean;
  complete: number;
  warm: number;
}

/**
 * The type filter over 1,200 domains never read before: the first answer
 * (it waits 4 s at most, then shows what it has), the time until every
 * domain's mappings are read (the page's refreshes), and a later view.
 */
async function timeTypeFilter(
  region: string,
  timed: (url: string) => Promise<{ ms: number; html: string }>,
  latencyMs = 0,
): Promise<TypeFilterTimes> {
  await control("seed", { bulkDomains: 1200, region });
  if (latencyMs)
    await control("faults", {
      operation: "GetApiMappingsV2",
      kind: "latency",
      latencyMs,
      count: 1200,
    });
  const url = `${BASE}/?region=${region}&type=NONE`;
  const pending = (html: string) => html.includes('data-testid="types-notice"');
  const start = performance.now();
  const first = await timed(url);
  let html = first.html;
  while (pending(html)) {
    await new Promise((r) => setTimeout(r, 250));
    html = (await timed(url)).html;
  }
  const complete = performance.now() - start;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timed(url)).ms);
  warm.sort((a, b) => a - b);
  return { first: first.ms, firstPending: pending(first.html), complete, warm: warm[2]! };
}

/**
 * 10 viewers at once while GetDomainNames is throttled (every call, with
 * Retry-After: 1): each page's time and whether it says so. Standard
 * retries end each read after 3 tries; nothing queues them behind each other.
 */
async function timeThrottled(
  timed: (url: string) => Promise<{ ms: number; html: string }>,
): Promise<{ p50: number; max: number; said: number }> {
  await control("faults", {
    operation: "GetDomainNames",
    kind: "throttle",
    count: 10_000,
    retryAfterSeconds: 1,
  });
  try {
    const views = await Promise.all(
      Array.from({ length: 10 }, () => timed(`${BASE}/?region=sa-east-1`)),
    );
    const ms = views.map((v) => v.ms).sort((a, b) => a - b);
    return {
      p50: ms[4]!,
      max: ms[9]!,
      said: views.filter((v) => v.html.includes("throttling")).length,
    };
  } finally {
    await fetch(`http://127.0.0.1:${EMULATOR_PORT}/_emulator/faults`, { method: "DELETE" });
  }
}

const typeRows = (how: string, t: TypeFilterTimes): (string | number)[][] => [
  [
    `overview, 1,200 domains, type filter${how}: first answer`,
    `${fixed(t.first)} ms${t.firstPending ? " (shows what it has; the rest still being read)" : ""}`,
  ],
  [`overview, 1,200 domains, type filter${how}: every type read`, `${fixed(t.complete)} ms`],
  [`overview, 1,200 domains, type filter${how}: later views (median of 5)`, `${fixed(t.warm)} ms`],
];

export async function benchDashboard(): Promise<string> {
  if (!existsSync(".next/standalone/server.js"))
    execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  // As `npm start` runs it (its heap limit and V8 flags).
  const server = spawn("npm", ["run", "start", "--", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      MTLS_CONSOLE_BACKEND: "embedded",
      EMULATOR_PORT: String(EMULATOR_PORT),
      EMULATOR_STATE: "",
    },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForOk(`${BASE}/inspect`, 60_000);
    await control("seed", { bulkDomains: 1200, region: "eu-north-1" });
    // The whole HTML, and when the table was in it: the API types stream in after it.
    const timed = async (url: string) => {
      const start = performance.now();
      const res = await fetch(url);
      const decoder = new TextDecoder();
      let html = "";
      let table: number | undefined;
      const reader = res.body!.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        html += decoder.decode(r.value, { stream: true });
        if (table === undefined && html.includes("</table>")) table = performance.now() - start;
      }
      const ms = performance.now() - start;
      return { ms, table: table ?? ms, bytes: Buffer.byteLength(html), html };
    };
    const cold = await timed(`${BASE}/?region=eu-north-1`);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 10; i++) {
      const view = await timed(
        `${BASE}/?region=eu-north-1${i % 2 ? "&sort=expiry&order=desc" : "&page=7"}`,
      );
      times.push(view.ms);
      bytes = Math.max(bytes, view.bytes);
    }
    times.sort((a, b) => a - b);
    const warm = times[Math.floor(times.length / 2)]!;
    // The floor: the same two listings with the AWS SDK alone.
    const clients = createClients(
      {
        kind: "endpoint",
        endpoint: `http://127.0.0.1:${EMULATOR_PORT}`,
        serviceEndpoints: {},
        defaultRegion: "eu-north-1",
        staticCredentials: { accessKeyId: "test", secretAccessKey: "test" },
      },
      "eu-north-1",
    );
    const floorStart = performance.now();
    for await (const page of paginateGetDomainNames(
      { client: clients.apiGateway, pageSize: 500 },
      {},
    ))
      void page;
    for await (const page of paginateListCertificates({ client: clients.acm, pageSize: 1000 }, {}))
      void page;
    const floor = performance.now() - floorStart;
    const typeFilter = await timeTypeFilter("ca-central-1", timed);
    // With 80 ms a mapping call, as an AWS call may take (AWS also paces them: see below).
    const typeFilterSlow = await timeTypeFilter("ap-south-1", timed, 80);
    const throttled = await timeThrottled(timed);
    const rss = rssMb(server.pid!).server;
    const rows: (string | number)[][] = [
      [
        "overview, 1,200 domains: floor (the two listings with the SDK alone)",
        `${fixed(floor)} ms`,
      ],
      [
        "overview, 1,200 domains: first request, table shown",
        `${fixed(cold.table)} ms (${fixed(cold.table / floor)}× the floor)`,
      ],
      [
        "overview, 1,200 domains: first request, with the page's 100 API types",
        `${fixed(cold.ms)} ms`,
      ],
      [
        "overview, 1,200 domains: a page, sorted or paged (median of 10)",
        `${fixed(warm)} ms (${fixed(warm / floor)}× the floor)`,
      ],
      ["overview, 1,200 domains: HTML of a page", `${fixed(bytes / 1024)} KB`],
      ...typeRows("", typeFilter),
      ...typeRows(", 80 ms a mapping call", typeFilterSlow),
      [
        "on AWS, calls paced at 5 a second (computed): a page's 100 API types",
        `${100 / AWS_PACE} s`,
      ],
      [
        "on AWS, calls paced at 5 a second (computed): the type filter's 1,200 domains",
        `${1200 / AWS_PACE} s`,
      ],
      [
        "10 viewers at once, GetDomainNames throttled: page time p50 / max",
        `${fixed(throttled.p50)} / ${fixed(throttled.max)} ms (${throttled.said} of 10 pages say it is throttling)`,
      ],
      ["server RSS (node) after these requests", `${fixed(rss)} MB`],
    ];

    // First-load JS as Next.js counts it: the scripts the page's HTML loads
    // (not the chunks <Link> prefetches later, not the noModule polyfills
    // that modern browsers skip), gzipped.
    const pages: [string, string][] = [
      ["/ (overview)", "/"],
      ["/domains/[domain]", "/domains/api.partners.example.com?region=us-east-1"],
      ["/inspect", "/inspect"],
    ];
    for (const [label, path] of pages) {
      const html = await (await fetch(`${BASE}${path}`)).text();
      const scripts = [
        ...new Set(
          [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)]
            .filter((m) => !/\bnoModule\b/i.test(m[0]))
            .map((m) => m[1]!),
        ),
      ];
      let raw = 0;
      let gzipped = 0;
      for (const src of scripts) {
        const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
        raw += body.length;
        gzipped += gzipSync(body).length;
      }
      rows.push([
        `first-load JS ${label}`,
        `${fixed(gzipped / 1024)} KB gzipped (${fixed(raw / 1024)} KB raw, ${scripts.length} files)`,
      ]);
    }
    // Viewers at once: 3 s of warm-up, then 15 s measured (the pages were read above).
    for (const [label, path, viewers] of [
      ["overview (1,200 domains)", "/", 10],
      ["overview (1,200 domains)", "/", 50],
      ["domain page", "/domains/api.partners.example.com?region=us-east-1", 50],
    ] as const) {
      const run = await loadRun(`${BASE}${path}`, viewers, 15);
      rows.push([
        `load: ${viewers} viewers on the ${label}`,
        `${fixed(run.perSecond)} req/s, p50 ${fixed(run.p50)} ms, p99 ${fixed(run.p99)} ms${run.failed ? `, ${run.failed} failed` : ""} (after 3 s of warm-up, whose slowest view took ${fixed(run.warmupMax)} ms)`,
      ]);
    }
    return [
      "Dashboard: production build (npm start: the standalone server), embedded emulator",
      table(["measure", "figure"], rows),
      "Targets: the overview's first page under 200 ms for 1,200 domains; an overview page's HTML under 150 KB; first-load JS of every page at most 150 KB gzipped; with GetDomainNames throttled, every one of 10 viewers' pages within 5 s, saying so; 50 viewers: the overview's p99 under 1 s, a domain page's under 1.5 s.",
    ].join("\n");
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
