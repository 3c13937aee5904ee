/**
 * A page view only reads: once a domain's truststore versions have been
 * seen (summarised and stored), viewing its page again in Chromium, and the
 * overview, sends AWS and the console's store no write at all (counted by
 * the emulator, per operation), for versions the console wrote and for
 * versions the AWS CLI wrote (no console metadata), as `npm start` serves it.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { bundle, chain } from "../../lib/pki/generate";
import { awsCli, awsCliAvailable } from "../../test-support/aws-cli";
import {
  awaitQuiet,
  requestCounts,
  resetRequestCounts,
  startTestEmulator,
  writesOf,
  type TestEmulator,
} from "../../test-support/emulator";
import { seedMtlsDomain } from "../../test-support/seed";
import { endpointAppEnv } from "../endpoint-env";
import { spawnProductionApp } from "./app-under-faults";
import { waitForOk } from "../../test-support/wait-for-ok";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const PORT = 3114;
const base = `http://127.0.0.1:${PORT}`;
let t: TestEmulator;
let app: ChildProcess | undefined;

/** The page, every streamed section rendered (no summary still being made). */
async function view(page: Page, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.waitForLoadState("networkidle");
}

test.beforeAll(async () => {
  t = await startTestEmulator({ updatingMs: 0 });
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "warm-store" }));
  app = spawnProductionApp(PORT, {
    ...endpointAppEnv(t.endpoint),
    AUDIT_BUCKET: "warm-store",
    AUTH_MODE: "none",
  });
  await waitForOk(`${base}/api/health`, 90_000, "the app");
});
test.afterAll(async () => {
  app?.kill("SIGKILL");
  await t.stop();
});

test("viewing a domain and the overview again writes nothing", async ({ page }) => {
  test.skip(!awsCliAvailable, "the AWS CLI is not installed");
  const cas = await chain(3, { prefix: "Warm" });
  // Versions as the console writes them (with its metadata)…
  const console_ = await seedMtlsDomain(t.clients(), {
    versions: [bundle(cas[0]!), bundle(cas[0]!, cas[1]!), bundle(...cas)],
    prefix: "warm-console",
  });
  // …and versions another tool wrote: the AWS CLI, no metadata; the domain follows the latest.
  const dir = mkdtempSync(join(tmpdir(), "warm-cli-"));
  const aws = awsCli(t.endpoint, dir);
  await aws("s3api", "create-bucket", "--bucket", "warm-cli-truststores");
  await aws(
    "s3api",
    "put-bucket-versioning",
    "--bucket",
    "warm-cli-truststores",
    "--versioning-configuration",
    "Status=Enabled",
  );
  for (const [i, pem] of [bundle(cas[0]!), bundle(cas[0]!, cas[2]!)].entries())
    await aws(
      "s3api",
      "put-object",
      "--bucket",
      "warm-cli-truststores",
      "--key",
      "ts.pem",
      "--body",
      aws.file(`v${i}.pem`, pem),
    );
  const other = await seedMtlsDomain(t.clients(), {
    versions: [],
    bucket: "warm-cli-truststores",
    key: "ts.pem",
    active: "latest",
    prefix: "warm-cli",
  });

  const paths = [
    `/domains/${console_.domainName}?region=us-east-1`,
    `/domains/${other.domainName}?region=us-east-1`,
    "/",
    `/?q=${encodeURIComponent("CN=Warm Root CA")}`,
  ];
  for (const path of paths) await view(page, path);
  await awaitQuiet(t, 90_000);
  for (const path of paths) {
    await resetRequestCounts(t);
    await view(page, path);
    const seen = await requestCounts(t);
    expect(writesOf(seen), `${path} sent ${JSON.stringify(seen)}`).toEqual({});
    // And reads only what the page shows: no truststore object downloaded again.
    expect(seen.GetObject ?? 0, `${path} sent ${JSON.stringify(seen)}`).toBeLessThanOrEqual(3);
  }
  await expect(page.getByTestId("matched-ca").first()).toContainText("CN=Warm Root CA");
});
