/**
 * The standalone server as the image runs it (`npm start`), on an AWS it did
 * not start: not ready (503, the store named) while the store's bucket is
 * missing, ready once it exists, serving a domain's page; its log is JSON
 * lines; and a store that never becomes usable stops it, exit code 1.
 */
import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { bundle, issue } from "../../lib/pki/generate";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { seedMtlsDomain } from "../../test-support/seed";
import { endpointAppEnv } from "../endpoint-env";
import { spawnProductionApp } from "./app-under-faults";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = 3112;
const base = `http://127.0.0.1:${PORT}`;
let t: TestEmulator;
let app: ChildProcess | undefined;

test.beforeAll(async () => {
  t = await startTestEmulator();
});
test.afterAll(async () => {
  app?.kill("SIGKILL");
  await t.stop();
});

const ready = () =>
  fetch(`${base}/api/ready`).then(
    async (r) => ({ status: r.status, body: (await r.json()) as { failing?: string } }),
    () => ({ status: 0, body: {} as { failing?: string } }),
  );

test("503 naming the store while its bucket is missing, then ready, serving a domain's page", async ({
  page,
}) => {
  let output = "";
  app = spawnProductionApp(
    PORT,
    {
      ...endpointAppEnv(t.endpoint),
      AUDIT_BUCKET: "standalone-store",
      AUTH_MODE: "none",
      MTLS_CONSOLE_READY_KEEP_MS: "500",
      KEEP_ALIVE_TIMEOUT: "65000",
    },
    "pipe",
  );
  app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(async () => (await ready()).status, { timeout: 90_000 }).toBe(503);
  expect((await ready()).body.failing).toBe("store-reachable");

  // Idle connections outlive a load balancer's 60 s idle timeout (read at start, not at build).
  expect((await fetch(`${base}/api/health`)).headers.get("keep-alive")).toBe("timeout=65");

  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "standalone-store" }));
  await expect.poll(async () => (await ready()).status, { timeout: 30_000 }).toBe(200);

  const root = await issue({ subject: "CN=Standalone Root" });
  const seeded = await seedMtlsDomain(t.clients(), { versions: [bundle(root)], prefix: "alone" });
  await page.goto(`${base}/domains/${seeded.domainName}`);
  await expect(page.getByRole("heading", { name: seeded.domainName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("active-version")).toHaveText(seeded.versionIds[0]!);

  // The app's log is JSON lines (Next.js's own start banner aside); the failed store checks say why.
  const logged = output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { msg: string; level: string });
  expect(logged.length).toBeGreaterThan(3);
  expect(logged.some((l) => /\[store\] not usable \(try 1\)/.test(l.msg))).toBe(true);
  app.kill("SIGKILL");
  app = undefined;
});

test("a store that never becomes usable stops the server (exit 1, the reason logged)", async () => {
  let log = "";
  app = spawnProductionApp(
    PORT,
    {
      ...endpointAppEnv(t.endpoint),
      AUDIT_BUCKET: "never-created-store",
      AUTH_MODE: "none",
      MTLS_CONSOLE_STORE_WAIT_MS: "3000",
    },
    "pipe",
  );
  app.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => app!.once("exit", resolve));
  app = undefined;
  expect(code).toBe(1);
  expect(log).toContain("was still not usable after 3000 ms: stopping");
});
