/**
 * Changes under real faults: a loopback proxy that holds one AWS write past
 * the change's lease, `kill -9` of the app mid-change, a lock release the
 * store refuses, a lock left behind. The app is the production build, the
 * browser is Chromium, AWS is the emulator through the real SDK.
 */
import { expect, test, type Page } from "@playwright/test";
import { GetDomainNameCommand as GetDomain } from "@aws-sdk/client-api-gateway";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { bundle, issue } from "../../lib/pki/generate";
import { seedMtlsDomain } from "../../test-support/seed";
import { domainUrl } from "../../test-support/ui-steps";
import { faultWorld, LEASE_MS, type FaultWorld } from "./app-under-faults";

test.describe.configure({ mode: "serial", timeout: 120_000 });

let w: FaultWorld;
let pem: string;
test.beforeAll(async () => {
  w = await faultWorld(3108);
  await w.start();
  pem = bundle(await issue({ subject: "CN=Fault Root" }));
});
test.afterAll(async () => w?.stop());

let n = 0;
async function seed(): Promise<{ domainName: string; versions: string[] }> {
  const domainName = `fault${++n}-${Date.now()}.test.example`;
  const { versionIds: versions } = await seedMtlsDomain(w.t.clients(), {
    domainName,
    bucket: `fault${n}-${Date.now()}`,
    key: "ts.pem",
    versions: [pem, pem, pem],
  });
  return { domainName, versions };
}

const activeVersion = async (domainName: string) =>
  (await w.t.clients().apiGateway.send(new GetDomain({ domainName }))).mutualTlsAuthentication
    ?.truststoreVersion;

async function switchTo(page: Page, domainName: string, versionId: string) {
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  await page
    .locator(`[data-version-id="${versionId}"]`)
    .getByRole("button", { name: /to this version/ })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Switch version" }).click();
}

test("a write held past the lease ends in doubt; a second change waits for the lease; the late write is shown, not hidden", async ({
  browser,
}) => {
  const { domainName, versions } = await seed();
  const held = w.proxy.hold({
    method: "PATCH",
    pathIncludes: domainName,
    ms: 2 * LEASE_MS + 6_000,
  });
  const op1 = await browser.newPage();
  const started = Date.now();
  await switchTo(op1, domainName, versions[0]!);
  await expect(op1.getByText(/is in doubt/).first()).toBeVisible({ timeout: LEASE_MS + 5_000 });
  // Ended within its lease, not after the held call.
  expect(Date.now() - started).toBeLessThan(LEASE_MS + 3_000);
  const inDoubtAt = Date.now();

  // A second operator meanwhile: refused while the lock is kept for the write in doubt.
  const op2 = await browser.newPage();
  await switchTo(op2, domainName, versions[1]!);
  await expect(op2.getByRole("alert").filter({ hasText: "kept until" })).toContainText("in doubt");
  await op2.goto(`${w.baseURL}${domainUrl(domainName)}`);
  await expect(op2.getByTestId("domain-lock")).toHaveAttribute("data-in-doubt", "1");
  await expect(op2.getByTestId("in-doubt")).toContainText("activate-truststore-version");

  // After the lease: the second change is made against the real state.
  await op2.waitForTimeout(Math.max(0, inDoubtAt + LEASE_MS + 1_000 - Date.now()));
  await switchTo(op2, domainName, versions[1]!);
  await expect(op2.getByTestId("outcome-status")).toBeVisible();
  expect(await activeVersion(domainName)).toBe(versions[1]);

  // The held write lands late: the page says so, beside both records.
  expect(await held.delivered).toBe(200);
  expect(await activeVersion(domainName)).toBe(versions[0]);
  await op2.goto(`${w.baseURL}${domainUrl(domainName)}`);
  const doubt = op2.getByTestId("in-doubt");
  await expect(doubt).toHaveAttribute("data-landed", "yes");
  await expect(op2.getByTestId("drift")).toContainText(versions[1]!.slice(0, 12));
  await expect(op2.locator('[data-testid=audit-row][data-result="in-doubt"]')).toHaveCount(1);
  await expect(op2.locator('[data-testid=audit-row][data-result="success"]')).toHaveCount(1);

  await doubt.getByRole("button", { name: "I have checked: resolve" }).click();
  await expect(op2.getByTestId("in-doubt")).toHaveCount(0);
  await expect(op2.locator('[data-testid=audit-row][data-result="resolved"]')).toContainText(
    versions[0]!,
  );
});

test("kill -9 during a PATCH: the intent was written first, and after restart the change is in doubt with the real state", async ({
  page,
}) => {
  const { domainName, versions } = await seed();
  const hold = w.proxy.hold({ method: "PATCH", pathIncludes: domainName, ms: 3_000 });
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  void switchTo(page, domainName, versions[0]!).catch(() => undefined);
  await hold.held;
  // Nothing reaches AWS without its intent on record.
  expect(await w.storeKeys(`intents/us-east-1/${domainName}/`)).toHaveLength(1);
  await w.kill9();
  expect(await hold.delivered).toBe(200);
  await w.start();
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  await expect(page.getByTestId("in-doubt")).toHaveAttribute("data-landed", "yes");
  await expect(page.getByTestId("in-doubt")).toContainText(versions[0]!.slice(0, 12));
  await expect(page.getByTestId("domain-lock")).toContainText(/frees at/);
  // The overview names every domain with a change in doubt.
  await page.goto(`${w.baseURL}/?region=us-east-1`);
  await expect(page.getByTestId("doubts-notice")).toContainText(domainName);
});

test("SIGTERM during a PATCH: the change finishes and is recorded, its lock freed, then the server exits 0", async ({
  page,
}) => {
  const { domainName, versions } = await seed();
  const hold = w.proxy.hold({ method: "PATCH", pathIncludes: domainName, ms: 3_000 });
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  void switchTo(page, domainName, versions[0]!).catch(() => undefined);
  await hold.held;
  const exited = w.sigterm();
  expect(await hold.delivered).toBe(200);
  expect(await exited).toBe(0);
  // Recorded: no intent left open, the lock released, the outcome in the audit trail.
  expect(await w.storeKeys(`intents/us-east-1/${domainName}/`)).toHaveLength(0);
  expect(await w.storeKeys(`locks/us-east-1/${domainName}.json`)).toHaveLength(0);
  const events = await w.storeKeys(`events/us-east-1/${domainName}/`);
  expect(events).toHaveLength(1);
  const event = JSON.parse(
    await (
      await w.t
        .clients()
        .s3.send(new GetObjectCommand({ Bucket: "mtls-console-audit", Key: events[0]! }))
    ).Body!.transformToString(),
  ) as { result: string; toVersion?: string };
  expect(event).toMatchObject({ result: "success", toVersion: versions[0] });
  await w.start();
});

test("kill -9 during an upload: the upload is in doubt after restart, with nothing hidden", async ({
  page,
}) => {
  const { domainName } = await seed();
  const hold = w.proxy.hold({ method: "PUT", pathIncludes: "/ts.pem", ms: 3_000 });
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  await expect(page.getByTestId("dropzone")).toHaveAttribute("data-ready", "true");
  await page
    .getByTestId("dropzone")
    .locator("input[type=file]")
    .setInputFiles({
      name: "new.pem",
      mimeType: "application/x-pem-file",
      buffer: Buffer.from(pem),
    });
  void page
    .getByRole("button", { name: "Upload and activate" })
    .click()
    .catch(() => undefined);
  await hold.held;
  expect(await w.storeKeys(`intents/us-east-1/${domainName}/`)).toHaveLength(1);
  await w.kill9();
  expect(await hold.delivered).toBe(200);
  await w.start();
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  await expect(page.getByTestId("in-doubt")).toContainText("upload a new version");
  await expect(page.getByTestId("in-doubt")).toHaveAttribute("data-landed", "unknown");
});

test("a lock whose release failed is shown and can be broken (audited); an expired lock is taken over by the next change", async ({
  page,
}) => {
  const { domainName, versions } = await seed();
  await w.t.control("faults", {
    operation: "DeleteObject",
    kind: "error500",
    count: 9,
    pathContains: `locks/us-east-1/${domainName}`,
  });
  await switchTo(page, domainName, versions[0]!);
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  const lock = page.getByTestId("domain-lock");
  await expect(lock).toContainText("could not be released");
  await lock.getByRole("button", { name: "Break this lock" }).click();
  await expect(page.getByTestId("domain-lock")).toHaveCount(0);
  await expect(page.locator("[data-testid=audit-row]").first()).toContainText("break-domain-lock");

  // A lock left by a change that is gone, expired: shown, then taken over.
  const past = Date.now() - 60_000;
  await w.t.clients().s3.send(
    new PutObjectCommand({
      Bucket: "mtls-console-audit",
      Key: `mtls-console/locks/us-east-1/${domainName}.json`,
      Body: JSON.stringify({
        owner: "ghost",
        at: new Date(past - 1_000).toISOString(),
        expiresAt: new Date(past).toISOString(),
        nonce: crypto.randomUUID(),
      }),
    }),
  );
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  await expect(page.getByTestId("domain-lock")).toHaveAttribute("data-expired", "1");
  await expect(page.getByTestId("domain-lock")).toContainText("ghost");
  await switchTo(page, domainName, versions[1]!);
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  expect(await activeVersion(domainName)).toBe(versions[1]);
});

test("a record of the audit trail edited in the store: the domain page says the trail was tampered with", async ({
  page,
}) => {
  const { domainName, versions } = await seed();
  await switchTo(page, domainName, versions[0]!);
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  await page.goto(`${w.baseURL}${domainUrl(domainName)}`);
  await expect(page.getByTestId("audit-chain")).toHaveAttribute("data-ok", "1");
  const [key] = await w.storeKeys(`events/us-east-1/${domainName}/`);
  const s3 = w.t.clients().s3;
  const record = JSON.parse(
    await (
      await s3.send(new GetObjectCommand({ Bucket: "mtls-console-audit", Key: key! }))
    ).Body!.transformToString(),
  ) as Record<string, unknown>;
  await s3.send(
    new PutObjectCommand({
      Bucket: "mtls-console-audit",
      Key: key!,
      Body: JSON.stringify({ ...record, user: "someone-else" }),
    }),
  );
  await page.reload();
  await expect(page.getByTestId("audit-chain")).toHaveAttribute("data-ok", "0");
  await expect(page.getByTestId("audit-chain")).toContainText("tampered with");
});
