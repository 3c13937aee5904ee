/**
 * Honest on every backend: what the dashboard cannot know is said, never
 * guessed. Each test runs on every backend (emulator, moto, LocalStack)
 * and expects what that backend can tell (lib/aws/backend-support.ts).
 */
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand, GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateStageCommand,
} from "@aws-sdk/client-apigatewayv2";
import { bundle, issue } from "../lib/pki/generate";
import { expect, has, TARGET, test } from "./aws";
import { domainUrl } from "../test-support/ui-steps";
import { seedMtlsDomain, unique } from "../test-support/seed";

test("a domain created with mutual TLS is never shown as off", async ({ page, aws }) => {
  const root = await issue({ subject: "CN=Honest Root" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root)], prefix: "honest" });
  await page.goto(`/?q=${seeded.domainName}`);
  const row = page.getByTestId("domain-row").filter({ hasText: seeded.domainName });
  await expect(row).toBeVisible();
  if (has("mtls-fields")) {
    await expect(row).toContainText(`s3://${seeded.bucket}/${seeded.key}`);
  } else {
    await expect(row.getByTestId("mtls-unknown")).toContainText("unknown");
  }
  await expect(row).not.toContainText(/\boff\b/);

  await page.goto(domainUrl(seeded.domainName));
  const mtls = page.getByRole("region", { name: "Mutual TLS" });
  if (has("mtls-fields")) {
    await expect(mtls.getByTestId("active-version")).toHaveText(seeded.versionIds[0]!);
  } else {
    await expect(mtls.getByTestId("mtls-unknown")).toContainText("does not report mutual TLS");
  }
  await expect(page.getByText("Mutual TLS is off")).toHaveCount(0);
});

test("an edge-optimized domain shows its CloudFront name, its own policy, and why it cannot have mTLS", async ({
  page,
  aws,
}) => {
  const domainName = `${unique("edge")}.test.example`;
  const { CertificateArn } = await aws.acm.send(
    new RequestCertificateCommand({ DomainName: domainName }),
  );
  await aws.apiGateway.send(
    new CreateDomainNameCommand({
      domainName,
      certificateArn: CertificateArn,
      endpointConfiguration: { types: ["EDGE"] },
    }),
  );
  const truth = await aws.apiGateway.send(new GetDomainNameCommand({ domainName }));
  await page.goto(domainUrl(domainName));
  const facts = page.getByTestId("domain-facts");
  if (has("edge-dns-target")) {
    expect(truth.distributionDomainName).toMatch(/\.cloudfront\.net$/);
    await expect(facts).toContainText(`DNS target ${truth.distributionDomainName} (CloudFront)`);
  } else {
    // None reported, none made up.
    expect(truth.distributionDomainName).toBeUndefined();
    await expect(facts).not.toContainText("DNS target");
  }
  // The backend's own policy, or none: a missing one is never filled in.
  await expect(facts).toContainText(truth.securityPolicy ?? "security policy not reported");
  await expect(page.getByTestId("mtls-unavailable")).toContainText(
    "API Gateway supports it on REGIONAL custom domain names only",
  );
  await expect(page.getByRole("button", { name: "Disable mutual TLS…" })).toHaveCount(0);
});

test("one failed call costs its section, not the page", async ({ page, aws, emulator }) => {
  const root = await issue({ subject: "CN=Section Root" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root)], prefix: "sections" });
  // moto fails GetBasePathMappings for a domain without mappings; elsewhere a fault does it.
  const natural = !has("empty-mappings");
  const injected = !natural && has("test-controls");
  test.skip(!natural && !injected, `${TARGET}: nothing here makes GetBasePathMappings fail`);
  if (injected)
    await emulator("faults", { operation: "GetBasePathMappings", kind: "error500", count: 3 });
  try {
    await page.goto(domainUrl(seeded.domainName));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seeded.domainName);
    await expect(page.getByTestId("server-certificate")).toBeVisible();
    const mappings = page.getByRole("region", { name: "Base path mappings" });
    await expect(mappings.getByRole("alert")).toContainText(
      "The base path mappings could not be read",
    );
    // Retrying is suggested only where it can help: AWS's transient 500, not moto's missing call.
    await expect(mappings.getByRole("alert")).toContainText(
      injected ? "Try again shortly" : "Trying again will not help",
    );
    await expect(page.getByRole("region", { name: "Audit trail" })).toContainText(
      "No change has been made to this domain through the dashboard yet",
    );
  } finally {
    if (injected) await emulator("faults", undefined, "DELETE");
  }
});

test("where mTLS is not reported, a truststore opens by its S3 URI: versions, decode, diff", async ({
  page,
  aws,
  emulator,
}) => {
  const a = await issue({ subject: "CN=Opened Root A" });
  const b = await issue({ subject: "CN=Opened Root B" });
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(a), bundle(a, b)],
    prefix: "opened",
  });
  // Our emulator reports mTLS: it imitates LocalStack for this test.
  const imitate = has("mtls-fields");
  test.skip(imitate && !has("test-controls"), `${TARGET}: reports mTLS and cannot hide it`);
  if (imitate) await emulator("config", { compat: "localstack" });
  try {
    await page.goto(domainUrl(seeded.domainName));
    await expect(page.getByTestId("mtls-unknown")).toBeVisible();
    const uri = page.getByLabel("Open a truststore by its S3 URI");
    // The console's own store is not a truststore, and says so.
    await uri.fill("s3://mtls-console-audit/mtls-console/events/x.json");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await expect(page.getByRole("region", { name: "Mutual TLS" }).getByRole("alert")).toContainText(
      "the console's own store",
    );
    await expect(page.getByTestId("version-row")).toHaveCount(0);
    // Another team's bucket, which the credentials may well reach: not one an operator listed.
    await uri.fill("s3://another-teams-bucket/secrets/ts.pem");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await expect(page.getByRole("region", { name: "Mutual TLS" }).getByRole("alert")).toContainText(
      "not one an operator listed",
    );

    await uri.fill(`s3://${seeded.bucket}/${seeded.key}`);
    await uri.press("Enter");
    await expect(page.getByTestId("opened-truststore")).toBeVisible();
    await expect(page).toHaveURL(/truststore=s3%3A%2F%2F/);
    await expect(page.getByTestId("version-row")).toHaveCount(2);
    await expect(page.getByText("nothing can be switched from here")).toBeVisible();
    const older = page.locator(`[data-version-id="${seeded.versionIds[0]}"]`);
    await older.getByRole("button", { name: "Diff" }).click();
    await expect(page.getByTestId("diff").locator("[data-change=removed]")).toContainText(
      "CN=Opened Root B",
    );
    // A certificate of the newest version, decoded on demand.
    const list = page.getByRole("list", { name: "Certificates" });
    await list.getByTestId("certificate-subject").first().click();
    await expect(list.locator(":scope > li").first()).toContainText("BEGIN CERTIFICATE");
  } finally {
    if (imitate) await emulator("config", { compat: "aws" });
  }
});

test("a domain's API type comes from its mappings, or is unknown with the reason", async ({
  page,
  aws,
}) => {
  const prefix = unique("types");
  const root = await issue({ subject: "CN=Types Root" });
  const mapped = await seedMtlsDomain(aws, { versions: [bundle(root)], prefix: `${prefix}-m` });
  const bare = await seedMtlsDomain(aws, { versions: [bundle(root)], prefix: `${prefix}-b` });
  if (has("http-apis")) {
    const { ApiId } = await aws.apiGatewayV2.send(
      new CreateApiCommand({ Name: "types-http", ProtocolType: "HTTP" }),
    );
    await aws.apiGatewayV2.send(new CreateStageCommand({ ApiId, StageName: "live" }));
    await aws.apiGatewayV2.send(
      new CreateApiMappingCommand({ DomainName: mapped.domainName, ApiId, Stage: "live" }),
    );
  }
  await page.goto(`/?q=${prefix}`);
  const rows = page.getByTestId("domain-row");
  await expect(rows).toHaveCount(2);
  const typeOf = (name: string) => rows.filter({ hasText: name }).getByTestId("api-types");
  const typeFilter = page.getByLabel("API type");
  if (has("api-types")) {
    // Each says how old it is (types are kept up to 15 minutes).
    await expect(typeOf(mapped.domainName)).toHaveText("HTTP, read just now");
    await expect(typeOf(bare.domainName)).toHaveText("none mapped, read just now");
    await expect(typeOf(mapped.domainName)).toHaveAttribute(
      "title",
      /^read just now from its API mappings/,
    );
    await typeFilter.selectOption("HTTP");
    await expect(page).toHaveURL(/[?&]type=HTTP/);
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(mapped.domainName);
    await typeFilter.selectOption("NONE");
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(bare.domainName);
    await typeFilter.selectOption("REST");
    await expect(page.getByText("No domain name matches these filters.")).toBeVisible();
    await expect(page.getByTestId("types-notice")).toHaveCount(0);
  } else {
    // Never "none mapped" where the backend cannot tell.
    for (const name of [mapped.domainName, bare.domainName])
      await expect(typeOf(name)).toContainText("unknown");
    await typeFilter.selectOption("NONE");
    await expect(page.getByTestId("types-notice")).toContainText(
      "2 domain names left out: their API type is unknown. Not known on",
    );
    await expect(page.getByText("No domain name matches these filters.")).toBeVisible();
  }
});
