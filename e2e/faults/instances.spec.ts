/**
 * Two instances of the production app behind a loopback balancer (no
 * stickiness), one AWS: they share the locks, the audit trail and the
 * sessions. Concurrent changes through both: one winner, one record; a
 * session signed out through the balancer is refused by both instances.
 */
import type { ChildProcess } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { bundle, issue } from "../../lib/pki/generate";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { startHoldingProxy, type HoldingProxy } from "../../test-support/holding-proxy";
import { startRoundRobin, type RoundRobin } from "../../test-support/round-robin";
import { seedMtlsDomain } from "../../test-support/seed";
import { domainUrl } from "../../test-support/ui-steps";
import { SECRET, TEST_USERS, USERS_FILE } from "../../playwright.config";
import { endpointAppEnv } from "../endpoint-env";
import { spawnProductionApp } from "./app-under-faults";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORTS = [3109, 3110];
const STORE = "mtls-console-audit";
let t: TestEmulator;
let proxy: HoldingProxy;
let balancer: RoundRobin;
const apps: ChildProcess[] = [];
const instance = (i: number) => `http://127.0.0.1:${PORTS[i]}`;

test.beforeAll(async () => {
  t = await startTestEmulator();
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: STORE }));
  proxy = await startHoldingProxy(t.endpoint);
  balancer = await startRoundRobin(
    PORTS.map((_, i) => instance(i)),
    3111,
  );
  for (const port of PORTS)
    apps.push(
      spawnProductionApp(port, {
        ...endpointAppEnv(proxy.url),
        AUTH_MODE: "local",
        AUTH_USERS_FILE: USERS_FILE,
        AUTH_SECRET: SECRET,
        AUTH_MAX_FAILURES_PER_ADDRESS: "1000",
        NEXTAUTH_URL: balancer.url,
      }),
    );
  for (const i of PORTS.keys())
    await expect
      .poll(
        () =>
          fetch(`${instance(i)}/api/ready`).then(
            (r) => r.status,
            () => 0,
          ),
        {
          timeout: 90_000,
        },
      )
      .toBe(200);
});

test.afterAll(async () => {
  for (const app of apps) app.kill("SIGKILL");
  await balancer?.close();
  await proxy?.close();
  await t?.stop();
});

async function signedIn(browser: Browser, baseURL: string, who: keyof typeof TEST_USERS) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("User name").fill(TEST_USERS[who].username);
  await page.getByLabel("Password").fill(TEST_USERS[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(TEST_USERS[who].username);
  return page;
}

async function switchTo(page: Page, domainName: string, versionId: string) {
  await page.goto(domainUrl(domainName));
  await page
    .locator(`[data-version-id="${versionId}"]`)
    .getByRole("button", { name: /to this version/ })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Switch version" }).click();
}

test("a session signed out through the balancer is refused by both instances", async ({
  browser,
}) => {
  const page = await signedIn(browser, balancer.url, "viewer");
  // The balancer spread the sign-in and the pages over both instances.
  expect(balancer.served.every((n) => n > 0)).toBe(true);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  for (const i of PORTS.keys()) {
    const replay = await browser.newContext({ baseURL: instance(i) });
    await replay.addCookies(cookies);
    const stolen = await replay.newPage();
    // An instance trusts a session it saw current for 5 s at most.
    await expect
      .poll(
        async () => {
          await stolen.goto("/");
          return new URL(stolen.url()).pathname;
        },
        { timeout: 8_000 },
      )
      .toBe("/signin");
    await replay.close();
  }
});

test("concurrent changes of one domain through both instances: one winner, one record", async ({
  browser,
}) => {
  const pem = bundle(await issue({ subject: "CN=Two Instances Root" }));
  const { domainName, versionIds } = await seedMtlsDomain(t.clients(), {
    versions: [pem, pem, pem],
    prefix: "two-instances",
  });
  const [first, second] = await Promise.all([
    signedIn(browser, instance(0), "operator"),
    signedIn(browser, instance(1), "operator2"),
  ]);
  // The first change's PATCH is held, so the second comes while the first holds the lock.
  const hold = proxy.hold({ method: "PATCH", pathIncludes: domainName, ms: 2_000 });
  const winning = switchTo(first, domainName, versionIds[0]!);
  await hold.held;
  await switchTo(second, domainName, versionIds[1]!);
  // Refused by the lock the other instance holds, naming who holds it.
  await expect(second.getByRole("alert").filter({ hasText: "Nothing was changed" })).toContainText(
    `${TEST_USERS.operator.username} is changing ${domainName} right now`,
  );
  await winning;
  expect(await hold.delivered).toBe(200);
  await expect(first.getByTestId("outcome-status")).toBeVisible();
  const domain = await t.clients().apiGateway.send(new GetDomainNameCommand({ domainName }));
  expect(domain.mutualTlsAuthentication?.truststoreVersion).toBe(versionIds[0]);
  // One change in the trail; the refused one among the refusals; no lock or intent left.
  const keys = async (prefix: string) =>
    (
      await t
        .clients()
        .s3.send(new ListObjectsV2Command({ Bucket: STORE, Prefix: `mtls-console/${prefix}` }))
    ).Contents ?? [];
  expect(await keys(`events/us-east-1/${domainName}/`)).toHaveLength(1);
  expect(await keys(`refusals/us-east-1/${domainName}/`)).toHaveLength(1);
  expect(await keys(`intents/us-east-1/${domainName}/`)).toHaveLength(0);
  expect(await keys(`locks/us-east-1/${domainName}.json`)).toHaveLength(0);
});
