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
import { fixed, rssMb, table } from "./measure";
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

async function view(domain: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const html = await (await fetch(`${BASE}/domains/${domain}?region=us-east-1`)).text();
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
async function requestsOfOneView(t: TestEmulator, domain: string): Promise<string> {
  await awaitQuiet(t, 120_000);
  await resetRequestCounts(t);
  await view(domain);
  const seen = await requestCounts(t);
  const writes = Object.entries(writesOf(seen));
  return `${Object.entries(seen)
    .map(([op, n]) => `${op} ${n}`)
    .join(
      ", ",
    )}; writes: ${writes.length ? writes.map(([op, n]) => `${op} ${n}`).join(", ") : "none"}`;
}

/** A truststore object's versions on the emulator, and the domain name that uses them. */
export interface BigDomain {
  domain: string;
  bucket: string;
  key: string;
  versionIds: string[];
}

/**
 * The domain page's figures for a domain already on the emulator: the SDK
 * floor, first view, warm views, a restart, HTML, the server's memory over
 * 1,001 views and what one warm view sends.
 */
export async function domainPageFigures(
  t: TestEmulator,
  big: BigDomain,
): Promise<(string | number)[][]> {
  if (!existsSync(".next/BUILD_ID")) execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  let app: ChildProcess | undefined;
  try {
    const { s3 } = t.clients();
    const floorStart = performance.now();
    await Promise.all(
      big.versionIds.map(async (VersionId) =>
        (
          await s3.send(new GetObjectCommand({ Bucket: big.bucket, Key: big.key, VersionId }))
        ).Body!.transformToByteArray(),
      ),
    );
    const floor = performance.now() - floorStart;

    app = startApp(t.endpoint);
    await waitForOk(`${BASE}/api/health`, 60_000);
    const rssStart = rssMb(app.pid!);
    const firstEver = await view(big.domain);
    const warm: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 100; i++) {
      const v = await view(big.domain);
      warm.push(v.ms);
      bytes = v.bytes;
    }
    warm.sort((a, b) => a - b);
    const rssAfter = rssMb(app.pid!);
    // Flat or growing: 900 views more.
    for (let i = 0; i < 900; i++) await view(big.domain);
    const rssThousand = rssMb(app.pid!);
    const perWarmView = await requestsOfOneView(t, big.domain);
    stopApp(app);

    app = startApp(t.endpoint);
    await waitForOk(`${BASE}/api/health`, 60_000);
    const restarted = await view(big.domain);
    const median = warm[Math.floor(warm.length / 2)]!;
    return [
      [
        `floor: the ${big.versionIds.length} objects read with the AWS SDK alone`,
        `${fixed(floor)} ms`,
      ],
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
        "server RSS (node, npm start's flags): started → after 101 → after 1,001 views",
        `${fixed(rssStart.server)} MB → ${fixed(rssAfter.server)} MB → ${fixed(rssThousand.server)} MB`,
      ],
      ["with npm's own process (the launcher) after 1,001 views", `${fixed(rssThousand.all)} MB`],
      ["requests of one warm view (emulator's count)", perWarmView],
    ];
  } finally {
    if (app) stopApp(app);
  }
}

export const DOMAIN_PAGE_TARGETS =
  "Targets: warm under 1 s and within 1.5× the floor, cold under 4 s, HTML under 250 KB, server RSS under 300 MB after 1,000 views and flat; a warm view writes nothing.";

export async function benchBigHistory(): Promise<string> {
  const t = await startTestEmulator({ updatingMs: 0 });
  try {
    const versionIds = await seed(t);
    const rows = await domainPageFigures(t, {
      domain: DOMAIN,
      bucket: "big-history",
      key: "ts.pem",
      versionIds,
    });
    return [
      `Domain page, ${VERSIONS} versions × 999-1,000 certificates (written by another tool), production build`,
      table(["measure", "figure"], rows),
      DOMAIN_PAGE_TARGETS,
    ].join("\n");
  } finally {
    await t.stop();
  }
}
