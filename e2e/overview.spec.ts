import { ImportCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { issue, bundle, chain } from "../lib/pki/generate";
import { privateKeyPem } from "../emulator/test-support";
import { awsClients, expect, needsFullApiGateway, test } from "./aws";
import { seedMtlsDomain, unique } from "./seed";

test("lists seeded domains with their statuses; search and filters narrow the list", async ({
  page,
  aws,
  emulator,
}) => {
  needsFullApiGateway(
    "LocalStack reports every status AVAILABLE, ignores limit and has no control endpoints",
  );
  const pki = await chain(2, { prefix: "Overview" });
  const weak = await issue({ subject: "CN=Overview SHA1 Root", hash: "SHA-1" });
  const prefix = unique("ov");
  const good = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)], prefix: `${prefix}-good` });
  const warned = await seedMtlsDomain(aws, {
    versions: [bundle(pki[0]!, weak)],
    prefix: `${prefix}-warned`,
  });
  const failed = await seedMtlsDomain(aws, {
    versions: [bundle(pki[0]!)],
    prefix: `${prefix}-failed`,
  });
  await emulator(`domains/${failed.domainName}/status`, {
    status: "FAILED",
    message: "broken on purpose",
  });
  // A domain whose imported server certificate expires in 10 days.
  const server = await issue({
    subject: `CN=${prefix}-expiring.test.example`,
    ca: false,
    key: { rsa: 2048 },
    validDays: [-300, 10],
  });
  const { CertificateArn } = await aws.acm.send(
    new ImportCertificateCommand({
      Certificate: Buffer.from(server.pem),
      PrivateKey: Buffer.from(await privateKeyPem(server.keys)),
    }),
  );
  await aws.apiGateway.send(
    new CreateDomainNameCommand({
      domainName: `${prefix}-expiring.test.example`,
      regionalCertificateArn: CertificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
    }),
  );

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search by name" }).fill(prefix);
  const rows = page.getByTestId("domain-row");
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId("result-count")).toContainText("4 of");
  await expect(rows.filter({ hasText: good.domainName }).locator("[data-status]")).toHaveAttribute(
    "data-status",
    "AVAILABLE",
  );
  await expect(
    rows.filter({ hasText: failed.domainName }).locator("[data-status]"),
  ).toHaveAttribute("data-status", "FAILED");

  await page.getByLabel("Status", { exact: true }).selectOption("FAILED");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(failed.domainName);
  await page.getByLabel("Status", { exact: true }).selectOption("ALL");

  await page.getByLabel("Has warnings").check();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(warned.domainName);
  await page.getByLabel("Has warnings").uncheck();

  await page.getByLabel("Certificate expiring within 30 days").check();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`${prefix}-expiring.test.example`);
  await expect(rows.locator("[data-band]").first()).toHaveAttribute("data-band", "month");

  await page.getByRole("searchbox", { name: "Search by name" }).fill("no-such-domain-anywhere");
  await expect(page.getByText("No domain name matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear the filters" }).click();
  await expect(page.getByRole("searchbox", { name: "Search by name" })).toHaveValue("");
});

test("pages past 500 domains with GetDomainNames pages and ListCertificates only, nothing per domain", async ({
  page,
  emulator,
}) => {
  needsFullApiGateway(
    "LocalStack reports every status AVAILABLE, ignores limit and has no control endpoints",
  );
  const region = "eu-north-1";
  await emulator("seed", { bulkDomains: 1200, region });
  await emulator("requests", undefined, "DELETE");
  await page.goto(`/?region=${region}`);
  await expect(page.getByTestId("result-count")).toHaveText("1,200 domain names");
  const { counts } = await emulator<{ counts: Record<string, number> }>("requests");
  expect(counts).toEqual({ GetDomainNames: 3, ListCertificates: 1 });
  // The last page's domains are there: search for one.
  await page.getByRole("searchbox", { name: "Search by name" }).fill("bulk-01199");
  await expect(page.getByTestId("domain-row")).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search by name" }).fill("");
  await expect(page.getByText("Page 1 of 12")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 2 of 12")).toBeVisible();
});

test("the region switcher shows another region's domains", async ({ page }) => {
  const eu = awsClients("eu-west-1");
  const domainName = `${unique("eu")}.test.example`;
  const { CertificateArn } = await eu.acm.send(
    new RequestCertificateCommand({ DomainName: domainName }),
  );
  await eu.apiGateway.send(
    new CreateDomainNameCommand({
      domainName,
      regionalCertificateArn: CertificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
    }),
  );
  await page.goto("/");
  await page.getByLabel("Region").selectOption("eu-west-1");
  await expect(page).toHaveURL(/region=eu-west-1/);
  await expect(page.getByTestId("domain-row").filter({ hasText: domainName })).toBeVisible();
});
