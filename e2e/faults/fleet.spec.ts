/**
 * One console for a fleet of three accounts on the emulator (the standalone
 * server, MTLS_CONSOLE_ACCOUNTS), one of which STS refuses: the overview
 * lists the two that work with their accounts and names the refused one on
 * its own row; the account filter; a domain's page names its account; and
 * enabling mutual TLS in one account with a certificate naming another
 * account's mTLS domain from another issuer is stopped before anything is
 * changed. Readiness counts the account roles.
 */
import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ImportCertificateCommand } from "@aws-sdk/client-acm";
import { GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { issue } from "../../lib/pki/generate";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import {
  accountClients,
  fleetFile,
  FLEET,
  seedFleet,
  type FleetSeed,
} from "../../test-support/fleet";
import { plainDomain, privateKeyPem } from "../../test-support/seed";
import {
  disableMtlsInUi,
  listTruststoreVersions,
  openEnableMtls,
} from "../../test-support/ui-steps";
import { endpointAppEnv } from "../endpoint-env";
import { spawnProductionApp } from "./app-under-faults";
import { waitForOk } from "../../test-support/wait-for-ok";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = 3113;
const base = `http://127.0.0.1:${PORT}`;
const PAYMENTS = `${FLEET.payments}:us-east-1`;
let t: TestEmulator;
let app: ChildProcess | undefined;
let seeded: FleetSeed;

test.beforeAll(async () => {
  t = await startTestEmulator();
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "mtls-console-audit" }));
  seeded = await seedFleet(t.endpoint);
  await t.control("faults", {
    operation: "AssumeRole",
    kind: "accessDenied",
    count: 10_000,
    pathContains: FLEET.retired,
  });
  app = spawnProductionApp(PORT, {
    ...endpointAppEnv(t.endpoint),
    AUTH_MODE: "none",
    MTLS_CONSOLE_ACCOUNTS: fleetFile(["payments", "identity", "retired"], ["us-east-1"]),
  });
  await waitForOk(`${base}/api/health`, 90_000, "the app");
});
test.afterAll(async () => {
  app?.kill("SIGKILL");
  await t.stop();
});

test("the overview lists the accounts that work and names the refused one; the account filter", async ({
  page,
}) => {
  await page.goto(`${base}/`);
  await expect(
    page.getByText("API Gateway custom domain names in every account, every region"),
  ).toBeVisible();
  const row = (name: string) => page.getByTestId("domain-row").filter({ hasText: name });
  await expect(row(seeded.payments.domainName).getByTestId("row-account")).toContainText(
    "payments",
  );
  await expect(row(seeded.identity.domainName).getByTestId("row-account")).toContainText(
    FLEET.identity,
  );
  await expect(row(seeded.payments.domainName).getByTestId("row-region")).toHaveText("us-east-1");
  const failure = page.getByTestId("place-failure");
  await expect(failure).toHaveCount(1);
  await expect(failure).toContainText("retired (333333333333) · us-east-1");
  await expect(failure).toContainText("STS refused it");

  await page.getByLabel("Account").selectOption({ label: `identity (${FLEET.identity})` });
  await expect(page).toHaveURL(new RegExp(`account=${FLEET.identity}`));
  await expect(row(seeded.identity.domainName)).toBeVisible();
  await expect(row(seeded.payments.domainName)).toHaveCount(0);
  await expect(page.getByTestId("place-failure")).toHaveCount(0);

  // Ready all the same (one member account's trust policy must not take the console down),
  // and the answer counts the account whose role cannot be assumed.
  const ready = await fetch(`${base}/api/ready`);
  expect(ready.status).toBe(200);
  expect(((await ready.json()) as { accountRoles: unknown }).accountRoles).toEqual({
    assumable: 2,
    refused: 1,
  });
});

test("enabling mTLS in one account is stopped by another account's domain with the same name from another issuer", async ({
  page,
}) => {
  const payments = accountClients(t.endpoint, FLEET.payments);
  const name = `fleet-enable-${Date.now()}.test.example`;
  const leaf = await issue({
    subject: `CN=${name}`,
    sans: [name, seeded.identity.domainName],
    ca: false,
    key: { rsa: 2048 },
  });
  const { CertificateArn } = await payments.acm.send(
    new ImportCertificateCommand({
      Certificate: Buffer.from(leaf.pem),
      PrivateKey: Buffer.from(await privateKeyPem(leaf.keys)),
    }),
  );
  await plainDomain(payments, { domainName: name, certificateArn: CertificateArn! });

  // Without its account, or with one the console does not manage, a domain's page is not guessed.
  // (The page streams behind its loading state, so Next.js answers 200 with the not-found page.)
  for (const url of [`/domains/${name}`, `/domains/${name}?region=${FLEET.payments}_us-east-1`]) {
    await page.goto(`${base}${url}`);
    await expect(page.getByRole("heading", { name: "No such custom domain name" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Enable mutual TLS…" })).toHaveCount(0);
  }
  await page.goto(`${base}/domains/${name}?region=${PAYMENTS}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("payments · us-east-1", { exact: false }).first()).toBeVisible();
  const dialog = await openEnableMtls(page);
  await listTruststoreVersions(dialog, `s3://${seeded.payments.bucket}/${seeded.payments.key}`);
  await dialog.getByLabel("Truststore version").selectOption(seeded.payments.versionIds[0]!);
  const names = dialog.locator('[data-prerequisite="name-issuer"]');
  await expect(names).toHaveAttribute("data-ok", "false");
  await expect(names).toContainText(`${seeded.identity.domainName} (account identity · us-east-1)`);
  await expect(
    dialog.getByRole("button", { name: "Enable mutual TLS", exact: true }),
  ).toBeDisabled();
  const domain = await payments.apiGateway.send(new GetDomainNameCommand({ domainName: name }));
  expect(domain.mutualTlsAuthentication).toBeUndefined();
});

test("a change in one account is made there, and audited under its place", async ({ page }) => {
  const payments = accountClients(t.endpoint, FLEET.payments);
  const name = seeded.payments.domainName;
  await page.goto(`${base}/domains/${name}?region=${PAYMENTS}`);
  await disableMtlsInUi(page, name);
  const domain = await payments.apiGateway.send(new GetDomainNameCommand({ domainName: name }));
  expect(domain.mutualTlsAuthentication).toBeUndefined();
  // The record is kept under the account's place, and the page's audit trail shows it.
  const records = await t
    .clients()
    .s3.send(new ListObjectsV2Command({ Bucket: "mtls-console-audit", Prefix: "mtls-console/" }));
  const keys = (records.Contents ?? []).map((c) => c.Key!);
  expect(
    keys.some((k) => k.startsWith(`mtls-console/events/${FLEET.payments}_us-east-1/${name}/`)),
  ).toBe(true);
  await page.reload();
  await expect(page.getByTestId("audit-history")).toContainText("disable-mutual-tls");
});
