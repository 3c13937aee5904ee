import { ImportCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { issue, bundle, chain } from "../lib/pki/generate";
import { privateKeyPem } from "../test-support/seed";
import { awsClients, expect, needs, test } from "./aws";
import { seedMtlsDomain, unique } from "../test-support/seed";

test("lists seeded domains with their statuses; search and filters narrow the list", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls", "mtls-fields");
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
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
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

  await page.getByLabel("Certificate expiring within 30 days").uncheck();

  // A truststore certificate that expires in 10 days: the truststore expiry column and filter.
  const soon = await issue({ subject: "CN=Overview Soon Root", validDays: [-30, 10] });
  const expiringStore = await seedMtlsDomain(aws, {
    versions: [bundle(pki[0]!, soon)],
    prefix: `${prefix}-store`,
  });
  await page.reload();
  await page.getByLabel("Truststore certificate expiring within").selectOption("30");
  await expect(page).toHaveURL(/truststoreDays=30/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(expiringStore.domainName);
  await expect(rows.getByTestId("truststore-expiry").locator("[data-band]")).toHaveAttribute(
    "data-band",
    "month",
  );
  await page.getByLabel("Truststore certificate expiring within").selectOption("");

  await page.getByRole("searchbox", { name: "Search by name" }).fill("no-such-domain-anywhere");
  await expect(page.getByText("No domain name matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear the filters" }).click();
  await expect(page.getByRole("searchbox", { name: "Search by name" })).toHaveValue("");
});

test("pages past 500 domains with GetDomainNames pages and ListCertificates only, nothing per domain", async ({
  page,
  emulator,
}) => {
  needs("test-controls", "paging");
  const region = "eu-north-1";
  await emulator("seed", { bulkDomains: 1200, region });
  await emulator("requests", undefined, "DELETE");
  await page.goto(`/?region=${region}`);
  await expect(page.getByTestId("result-count")).toHaveText("1,200 domain names");
  await expect(page.getByText("reading…")).toHaveCount(0);
  const { counts } = await emulator<{ counts: Record<string, number> }>("requests");
  expect([counts.GetDomainNames, counts.ListCertificates]).toEqual([3, 1]);
  // The 1,200 domains share one truststore version: its summary is read (or made once), nothing per domain.
  expect(counts.GetObject ?? 0).toBeLessThanOrEqual(2);
  expect(counts.HeadObject ?? 0).toBeLessThanOrEqual(1);
  // The API type column: the shown page's API mappings, one call per shown domain, and two listings.
  expect(counts.GetApiMappingsV2).toBe(100);
  expect([counts.GetRestApis, counts.GetApisV2]).toEqual([1, 1]);
  // Changes in doubt, in every region: one listing of the console's store, not one per domain.
  expect(counts.ListObjectsV2).toBe(1);
  const store = [
    "GetObject",
    "HeadObject",
    "PutObject",
    "GetCallerIdentity",
    "HeadBucket",
    "ListObjectsV2",
  ];
  const types = ["GetApiMappingsV2", "GetRestApis", "GetApisV2"];
  expect(
    Object.keys(counts).filter(
      (op) => !["GetDomainNames", "ListCertificates", ...store, ...types].includes(op),
    ),
  ).toEqual([]);
  // The last page's domains are there: search for one.
  await page.getByRole("searchbox", { name: "Search by name" }).fill("bulk-01199");
  await expect(page.getByTestId("domain-row")).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search by name" }).fill("");
  await expect(page.getByText("Page 1 of 12")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 2 of 12")).toBeVisible();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page.getByTestId("domain-row").first()).toContainText("bulk-00100");
  // This page's API types are read (streamed) before the count starts again,
  // and nothing of the views before is still being read.
  await expect(page.getByText("reading…")).toHaveCount(0);
  await expect
    .poll(
      async () => {
        await emulator("requests", undefined, "DELETE");
        await page.waitForTimeout(1_000);
        return (await emulator<{ counts: Record<string, number> }>("requests")).counts;
      },
      { timeout: 20_000 },
    )
    .toEqual({});
  // A view is a link: sorted, filtered and paged on the server, only its page sent.
  await emulator("requests", undefined, "DELETE");
  await page.goto(`/?region=${region}&q=bulk-011&order=desc&page=1`);
  await expect(page.getByTestId("result-count")).toHaveText("100 of 1,200 domain names");
  await expect(page.getByTestId("domain-row")).toHaveCount(100);
  await expect(page.getByTestId("domain-row").first()).toContainText("bulk-01199");
  await expect(page.getByRole("searchbox", { name: "Search by name" })).toHaveValue("bulk-011");
  await expect(page.getByText("reading…")).toHaveCount(0);
  const again = (await emulator<{ counts: Record<string, number> }>("requests")).counts;
  expect([again.GetDomainNames, again.ListCertificates]).toEqual([3, 1]);
  // Another page's domains: their mappings, once each (bulk-01199's were read when it was
  // searched for above); the API listings are kept.
  expect(again.GetApiMappingsV2).toBe(99);
  expect(again.GetApisV2).toBeUndefined();
  // Nonsense in the URL falls back to the defaults.
  await page.goto(
    `/?region=${region}&status=SIDEWAYS&sort=%3Cscript%3E&page=-3&truststoreDays=abc`,
  );
  await expect(page.getByTestId("result-count")).toHaveText("1,200 domain names");
  await expect(page.getByText("Page 1 of 12")).toBeVisible();
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
