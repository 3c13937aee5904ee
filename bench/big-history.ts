/**
 * A domain whose truststore object has 50 versions of a 1,000-certificate
 * bundle, written by another tool (the SDK directly): the domain page's
 * server time cold (first view ever: new versions summarised behind it), warm,
 * and cold again after a restart (summaries already stored), the HTML sent,
 * the server's memory after 100 views, against the floor: reading the same
 * 50 objects with the AWS SDK alone.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

import { CreateBucketCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { seedMtlsDomain } from "../test-support/seed";
import {
  awaitQuiet,
  requestCounts,
  resetRequestCounts,
  startTestEmulator,
  writesOf,
  type TestEmulator,
} from "../test-support/emulator";
import { bundle, largeBundle } from "../lib/pki/generate";
import { fixed, table } from "./measure";
import { waitForOk } from "../test-support/wait-for-ok";

const PORT = 3191;
const BASE = `http://127.0.0.1:${PORT}`;
const DOMAIN = "big.history.example";
const VERSIONS = 50;

function startApp(endpoint: string): ChildProcess {
  // As `npm start` runs it (with its heap limit).
  return spawn("npm", ["run", "start", "--", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      AUTH_MODE: "none",
      AUDIT_BUCKET: "bench-audit",
    },
    stdio: "ignore",
    detached: true,
  });
}

function stopApp(app: ChildProcess) {
  try {
    process.kill(-app.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Resident memory of the app's processes, in MB (the whole process group). */
function rssMb(app: ChildProcess): number {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(app.pid)], { encoding: "utf8" });
  return out.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
}

async function view(): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const html = await (await fetch(`${BASE}/domains/${DOMAIN}?region=us-east-1`)).text();
  if (!html.includes("Version history")) throw new Error("the page did not render its history");
  return { ms: performance.now() - start, bytes: Buffer.byteLength(html) };
}

async function seed(t: TestEmulator): Promise<string[]> {
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "bench-audit" }));
  const certs = await largeBundle(1000, { prefix: "History" });
  // Each version drops a different certificate: 999 certificates, 50 distinct objects.
  const versions = Array.from({ length: VERSIONS }, (_, v) =>
    bundle(...certs.filter((_, i) => i !== v + 1)),
  );
  const seeded = await seedMtlsDomain(t.clients(), {
    domainName: DOMAIN,
    bucket: "big-history",
    key: "ts.pem",
    versions,
  });
  return seeded.versionIds;
}

/** What one more view sends, once nothing else is in flight (summaries made): operation × count. */
async function requestsOfOneView(t: TestEmulator): Promise<string> {
  await awaitQuiet(t, 120_000);
  await resetRequestCounts(t);
  await view();
  const seen = await requestCounts(t);
  const writes = Object.entries(writesOf(seen));
  return `${Object.entries(seen)
    .map(([op, n]) => `${op} ${n}`)
    .join(
      ", ",
    )}; writes: ${writes.length ? writes.map(([op, n]) => `${op} ${n}`).join(", ") : "none"}`;
}

export async function benchBigHistory(): Promise<string> {
  if (!existsSync(".next/BUILD_ID")) execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  const t = await startTestEmulator({ updatingMs: 0 });
  let app: ChildProcess | undefined;
  try {
    const ids = await seed(t);
    const { s3 } = t.clients();
    const floorStart = performance.now();
    await Promise.all(
      ids.map(async (VersionId) =>
        (
          await s3.send(new GetObjectCommand({ Bucket: "big-history", Key: "ts.pem", VersionId }))
        ).Body!.transformToByteArray(),
      ),
    );
    const floor = performance.now() - floorStart;

    app = startApp(t.endpoint);
    await waitForOk(`${BASE}/api/health`, 60_000);
    const rssStart = rssMb(app);
    const firstEver = await view();
    const warm: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 100; i++) {
      const v = await view();
      warm.push(v.ms);
      bytes = v.bytes;
    }
    warm.sort((a, b) => a - b);
    const rssAfter = rssMb(app);
    // Flat or growing: 900 views more.
    for (let i = 0; i < 900; i++) await view();
    const rssThousand = rssMb(app);
    const perWarmView = await requestsOfOneView(t);
    stopApp(app);

    app = startApp(t.endpoint);
    await waitForOk(`${BASE}/api/health`, 60_000);
    const restarted = await view();
    const median = warm[Math.floor(warm.length / 2)]!;
    const rows: (string | number)[][] = [
      ["floor: the 50 objects read with the AWS SDK alone", `${fixed(floor)} ms`],
      [
        "first view ever (new versions summarised behind it)",
        `${fixed(firstEver.ms)} ms (${fixed(firstEver.ms / floor)}× the floor)`,
      ],
      [
        "cold after a restart (summaries stored)",
        `${fixed(restarted.ms)} ms (${fixed(restarted.ms / floor)}× the floor)`,
      ],
      ["warm, median of 100 views", `${fixed(median)} ms (${fixed(median / floor)}× the floor)`],
      ["HTML sent (whole streamed page)", `${fixed(bytes / 1024)} KB`],
      [
        "server RSS (npm and node): started → after 101 → after 1,001 views",
        `${fixed(rssStart)} MB → ${fixed(rssAfter)} MB → ${fixed(rssThousand)} MB`,
      ],
      ["requests of one warm view (emulator's count)", perWarmView],
    ];
    return [
      `Domain page, ${VERSIONS} versions × 999-1,000 certificates (written by another tool), production build`,
      table(["measure", "figure"], rows),
      "Targets: warm under 1 s and within 1.5× the floor, cold under 4 s, HTML under 250 KB, RSS under 300 MB after 1,000 views and flat; a warm view writes nothing.",
    ].join("\n");
  } finally {
    if (app) stopApp(app);
    await t.stop();
  }
}
