import {
  CreateBasePathMappingCommand,
  CreateRestApiCommand,
  GetDomainNameCommand,
  GetRestApiCommand,
  UpdateDomainNameCommand,
} from "@aws-sdk/client-api-gateway";
import { bundle, chain, issue, largeBundle } from "../lib/pki/generate";
import { expect, has, needs, test } from "./aws";
import { activeVersion, deployedRestApi, seedMtlsDomain } from "../test-support/seed";
import { CreateRoutingRuleCommand } from "@aws-sdk/client-apigatewayv2";
import { domainUrl, gotoTruststore, openRollback, typeToConfirm } from "../test-support/ui-steps";

test("rollback in one click (after a confirmation with the diff) points the domain at the older version", async ({
  page,
  aws,
}) => {
  needs("mtls-fields", "update-domain-name");
  const a = await issue({ subject: "CN=Rollback Root A" });
  const b = await issue({ subject: "CN=Rollback Root B" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(a), bundle(a, b)] });
  await page.goto(domainUrl(seeded.domainName));
  const dialog = await openRollback(page, seeded.versionIds[0]);
  await expect(dialog).toContainText("CN=Rollback Root B");
  await expect(dialog.locator("[data-impact=refused]")).toContainText("will be refused");
  // It drops a CA clients chain to today: the guard names it and wants the domain name typed.
  await expect(dialog.getByTestId("lockout-guard")).toContainText(
    "1 of 2 CAs that clients chain to today stop working",
  );
  await expect(dialog.getByRole("button", { name: "Switch version" })).toBeDisabled();
  await typeToConfirm(dialog, seeded.domainName);
  await dialog.getByRole("button", { name: "Switch version" }).click();
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  expect(await activeVersion(aws, seeded.domainName)).toBe(seeded.versionIds[0]);
  await expect(page.getByTestId("active-version")).toHaveText(seeded.versionIds[0]!);
});

test("status help for PENDING_OWNERSHIP_VERIFICATION says what it means and what to do", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls", "mtls-fields");
  const pki = await chain(2, { prefix: "Owner" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  await emulator(`domains/${seeded.domainName}/status`, {
    status: "PENDING_OWNERSHIP_VERIFICATION",
    message: "The ownership verification certificate expired.",
  });
  await page.goto(domainUrl(seeded.domainName));
  const help = page.getByTestId("status-help");
  await expect(help).toContainText(
    "ownership verification certificate expired and ACM could not renew it",
  );
  await expect(help).toContainText("All updates to this domain name are locked");
  await expect(help).toContainText("What to do: Renew the ownership verification certificate");
  await expect(page.getByRole("button", { name: "Disable mutual TLS…" })).toBeDisabled();
});

test("a FAILED domain with the subject-conflict error gets it explained", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls");
  const pki = await chain(2, { prefix: "Conflict" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  await emulator(`domains/${seeded.domainName}/status`, {
    status: "FAILED",
    message: `The certificate subject CN=${seeded.domainName} conflicts with an existing certificate from a different issuer.`,
  });
  await page.goto(domainUrl(seeded.domainName));
  await expect(page.getByTestId("status-help")).toContainText("AWS says");
  await expect(page.getByTestId("subject-conflict")).toContainText(
    "each certificate subject may have only one issuer per Region",
  );
});

test("disable mutual TLS after typing the domain name", async ({ page, aws }) => {
  needs("mtls-fields", "update-domain-name");
  const pki = await chain(2, { prefix: "Disable" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  await page.goto(domainUrl(seeded.domainName));
  await page.getByRole("button", { name: "Disable mutual TLS…" }).click();
  const dialog = page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Disable mutual TLS" });
  await expect(confirm).toBeDisabled();
  await typeToConfirm(dialog, seeded.domainName);
  await confirm.click();
  await expect(page.getByText(`Mutual TLS is now off for ${seeded.domainName}`)).toBeVisible();
  const domain = await aws.apiGateway.send(
    new GetDomainNameCommand({ domainName: seeded.domainName }),
  );
  expect(domain.mutualTlsAuthentication).toBeUndefined();
});

test("a mapped REST API's default endpoint is flagged and can be disabled", async ({
  page,
  aws,
}) => {
  // Works on LocalStack and moto too: UpdateRestApi and base path mappings are implemented there.
  needs("base-path-mappings");
  const pki = await chain(2, { prefix: "Mapping" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  const api = await aws.apiGateway.send(
    new CreateRestApiCommand({
      name: "orders-e2e",
      endpointConfiguration: { types: ["REGIONAL"] },
    }),
  );
  await aws.apiGateway.send(
    new CreateBasePathMappingCommand({
      domainName: seeded.domainName,
      restApiId: api.id,
    }),
  );
  await page.goto(domainUrl(seeded.domainName));
  await expect(page.getByTestId("default-endpoint-warning")).toContainText(
    "Default execute-api endpoint is enabled",
  );
  // Where mTLS is not reported, the warning says what happens if it is on.
  await expect(page.getByTestId("default-endpoint-warning")).toContainText(
    has("mtls-fields")
      ? "clients can call it without a client certificate, bypassing mTLS"
      : "if mutual TLS is on for this domain, clients can call it",
  );
  await page.getByRole("button", { name: "Disable the default endpoint" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable it" }).click();
  await expect(page.getByTestId("mapping").getByText("default endpoint disabled")).toBeVisible();
  expect(
    (await aws.apiGateway.send(new GetRestApiCommand({ restApiId: api.id })))
      .disableExecuteApiEndpoint,
  ).toBe(true);
});

test("a certificate subject made of HTML renders as text", async ({ page, aws }) => {
  const evil = await issue({ subject: "CN=<img src=x onerror=alert(1)>, O=Markup" });
  const seeded = await seedMtlsDomain(aws, { versions: [evil.pem] });
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await gotoTruststore(page, seeded);
  await expect(page.getByTestId("certificate-subject").first()).toHaveText(
    "CN=\\<img src=x onerror=alert(1)\\>, O=Markup",
  );
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(dialogs).toBe(0);
});

test("against a LocalStack-like backend, the unsupported actions are explained, not crashed", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls");
  const pki = await chain(2, { prefix: "Compat" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  await emulator("config", { compat: "localstack" });
  try {
    // Not waiting for the load event: that fires only once the whole streamed page is in.
    await page.goto(domainUrl(seeded.domainName), { waitUntil: "commit" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seeded.domainName);
    await expect(page.getByTestId("mtls-unknown")).toContainText(
      "This backend (LocalStack) does not report mutual TLS",
    );
    await expect(page.getByText("Mutual TLS is off")).toHaveCount(0);
    await page.goto(`/?q=${seeded.domainName}`);
    await expect(page.getByTestId("domain-row").getByTestId("mtls-unknown")).toBeVisible();
  } finally {
    await emulator("config", { compat: "aws" });
  }
});

test("a domain that is UPDATING polls until it settles, without a reload", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls", "mtls-fields", "update-domain-name");
  const a = await issue({ subject: "CN=Polling Root A" });
  const b = await issue({ subject: "CN=Polling Root B" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(a), bundle(a, b)] });
  await emulator("config", { updatingMs: 4000 });
  try {
    await page.goto(domainUrl(seeded.domainName));
    await openRollback(page, seeded.versionIds[0]);
    await typeToConfirm(page.getByRole("dialog"), seeded.domainName);
    await page.getByRole("dialog").getByRole("button", { name: "Switch version" }).click();
    await expect(page.getByTestId("outcome-status")).toHaveText("UPDATING");
    const badge = page
      .getByRole("banner")
      .or(page.locator("header"))
      .locator("[data-status]")
      .first();
    await expect(badge).toHaveAttribute("data-status", "UPDATING");
    await expect(badge).toHaveAttribute("data-status", "AVAILABLE", { timeout: 15_000 });
  } finally {
    await emulator("config", { updatingMs: 0 });
  }
});

test("parsed truststore versions are cached: a second visit reads no S3 object again", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls", "mtls-fields");
  const a = await issue({ subject: "CN=Cache Root A" });
  const b = await issue({ subject: "CN=Cache Root B" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(a), bundle(a, b), bundle(b)] });
  await emulator("requests", undefined, "DELETE");
  await page.goto(domainUrl(seeded.domainName));
  await expect(page.getByTestId("version-row")).toHaveCount(3);
  const first = (await emulator<{ counts: Record<string, number> }>("requests")).counts;
  // Each of the 3 versions read once (after one HEAD each), and its stored summary looked for once
  // (none yet: then stored); and, once per view, the domain's change lock, its audit digest and
  // its revocation lists.
  expect([first.GetObject, first.HeadObject, first.PutObject]).toEqual([9, 3, 3]);
  await page.reload();
  await expect(page.getByTestId("version-row")).toHaveCount(3);
  const second = (await emulator<{ counts: Record<string, number> }>("requests")).counts;
  expect([second.GetObject, second.HeadObject, second.PutObject]).toEqual([12, 3, 3]);
  expect(second.ListObjectVersions).toBe(2 * first.ListObjectVersions!);
});

test("the page does not wait for the version history; diffs are computed only when asked for", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls", "mtls-fields");
  const a = await issue({ subject: "CN=Stream Root A" });
  const b = await issue({ subject: "CN=Stream Root B" });
  const c = await issue({ subject: "CN=Stream Root C" });
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(a), bundle(a, b), bundle(a, b, c)],
  });
  // Listing the versions is slow this time (the truststore's and the revocation lists'):
  // the rest of the page must not wait for it.
  await emulator("faults", {
    operation: "ListObjectVersions",
    kind: "latency",
    latencyMs: 4000,
    count: 2,
  });
  try {
    // Not waiting for the load event: that fires only once the whole streamed page is in.
    await page.goto(domainUrl(seeded.domainName), { waitUntil: "commit" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seeded.domainName);
    await expect(page.getByTestId("certificate-subject").first()).toBeVisible();
    await expect(page.getByText("Reading the version history…")).toBeVisible();
    await expect(page.getByTestId("version-row")).toHaveCount(3, { timeout: 15_000 });
    await expect(page.getByTestId("lists-version")).toBeVisible({ timeout: 15_000 });
  } finally {
    await emulator("faults", undefined, "DELETE");
  }
  await emulator("requests", undefined, "DELETE");
  const row = page.locator(`[data-version-id="${seeded.versionIds[0]}"]`);
  await row.getByRole("button", { name: "Diff" }).click();
  const diff = page.getByTestId("diff");
  await expect(diff.locator("[data-change=removed]")).toHaveCount(2);
  await expect(diff).toContainText("CN=Stream Root B");
  await expect(diff).toContainText("CN=Stream Root C");
  // Asked for once, kept: hiding and showing it again asks the server nothing more.
  await row.getByRole("button", { name: "Hide diff" }).click();
  await row.getByRole("button", { name: "Diff" }).click();
  await expect(diff.locator("[data-change=removed]")).toHaveCount(2);
  const { counts } = await emulator<{ counts: Record<string, number> }>("requests");
  expect(counts.GetDomainName).toBe(1);
});

test("a big truststore's certificates come 50 a page, and opening one fetches only that one", async ({
  page,
  aws,
}) => {
  const certs = await largeBundle(60);
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(...certs)] });
  // A line from the middle of a certificate's PEM: only its decoded detail carries it.
  const pemLine = (i: number) => certs[i]!.pem.split("\n")[3]!;
  await gotoTruststore(page, seeded);
  const list = page.getByRole("list", { name: "Certificates" });
  await expect(list.getByTestId("certificate-subject")).toHaveCount(50);
  await expect(page.getByText("Certificates 1–50 of 60")).toBeVisible();
  // No decoded detail was sent with the page.
  const html = await page.content();
  for (const i of [0, 1, 2]) expect(html).not.toContain(pemLine(i));
  const actions: string[] = [];
  page.on("request", (req) => {
    if (req.method() === "POST" && req.headers()["next-action"]) actions.push(req.postData() ?? "");
  });
  await list.getByTestId("certificate-subject").nth(1).click();
  await expect(list.locator(":scope > li").nth(1)).toContainText(pemLine(1));
  expect(actions).toHaveLength(1);
  expect(actions[0]).toContain('"index":1');
  expect(await page.content()).not.toContain(pemLine(2));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(list.getByTestId("certificate-subject")).toHaveCount(10);
});

test("warnings then and now: a CA that lapsed after the last update is new since, a warning that still holds is kept", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls", "mtls-fields");
  const weak = await issue({ subject: "CN=Then Weak Root", hash: "SHA-1" });
  const lapsed = await issue({ subject: "CN=Then Lapsed Root", validDays: [-400, -2] });
  // API Gateway checked the file 200 days ago, when the lapsed CA was still valid.
  await emulator("clock", { advanceSeconds: -200 * 86_400 });
  let seeded;
  try {
    seeded = await seedMtlsDomain(aws, { versions: [bundle(weak, lapsed)], prefix: "then" });
  } finally {
    await emulator("clock", { reset: true });
  }
  await page.goto(domainUrl(seeded.domainName));
  const since = page.getByTestId("warnings-then-now");
  // Every warning names the weak CA, which is still weak; the lapsed one is the one new problem.
  await expect(since).toContainText(
    /(\d+) of its \1 warning\(s\) still hold; 0 no longer apply; 1 problem\(s\) are new since/,
  );
  await expect(since.getByTestId("new-since")).toContainText("CN=Then Lapsed Root");
  await expect(page.getByTestId("aws-warnings")).toContainText("CN=Then Weak Root");
  await expect(page.getByTestId("aws-warnings")).not.toContainText("Then Lapsed Root");
});

test("a domain that routes by routing rules shows its mode and rules beside its mappings", async ({
  page,
  aws,
}) => {
  needs("routing-rules");
  const root = await issue({ subject: "CN=Rules Root" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root)], prefix: "rules" });
  await aws.apiGateway.send(
    new UpdateDomainNameCommand({
      domainName: seeded.domainName,
      patchOperations: [
        { op: "replace", path: "/routingMode", value: "ROUTING_RULE_THEN_BASE_PATH_MAPPING" },
      ],
    }),
  );
  const api = await deployedRestApi(aws, "rules-e2e", "live");
  await aws.apiGatewayV2.send(
    new CreateRoutingRuleCommand({
      DomainName: seeded.domainName,
      Priority: 5,
      Conditions: [{ MatchBasePaths: { AnyOf: ["orders"] } }],
      Actions: [{ InvokeApi: { ApiId: api, Stage: "live", StripBasePath: true } }],
    }),
  );
  await expect(async () => {
    await page.goto(domainUrl(seeded.domainName));
    await expect(page.getByTestId("routing-rules")).toContainText(
      "ROUTING_RULE_THEN_BASE_PATH_MAPPING",
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("routing-rule")).toContainText(
    `#5 base path /orders → REST API ${api}, stage live`,
  );
});
