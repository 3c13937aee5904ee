/**
 * Exports, in Chromium: the overview as filtered (every matching row) as a
 * CSV download and as JSON, and a domain's audit trail after a change.
 */
import { readFile } from "node:fs/promises";
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";
import { disableMtlsInUi, domainUrl } from "../test-support/ui-steps";

test("the overview as filtered, as CSV and JSON", async ({ page, aws }) => {
  needs("mtls-fields");
  const [root] = await chain(1, { prefix: "Exported" });
  const prefix = `export-${Date.now()}`;
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(root!)],
    domainName: `${prefix}.test.example`,
  });
  await page.goto(`/?q=${prefix}`);
  await expect(page.getByTestId("result-count")).toContainText("1 of");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("overview-export").getByRole("link", { name: "CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^custom-domain-names-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "domainName,account,region,status,endpointType,securityPolicy,mtls,truststoreUri,truststoreVersion,warnings,serverCertificateNotAfter,ownershipNotAfter,truststoreExpiry",
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(
    new RegExp(
      `^${prefix}\\.test\\.example,,us-east-1,AVAILABLE,REGIONAL,TLS_1_2,on,s3://${seeded.bucket}/`,
    ),
  );

  const json = await page.request.get("/api/export/overview?format=json&mtls=on");
  expect(json.headers()["content-disposition"]).toMatch(
    /attachment; filename="custom-domain-names-.*\.json"/,
  );
  const rows = (await json.json()) as { domainName: string; mtls: string }[];
  expect(rows.length).toBeGreaterThan(3);
  expect(rows.every((r) => r.mtls === "on")).toBe(true);
  expect((await page.request.get("/api/export/overview?format=xlsx")).status()).toBe(400);
});

test("a domain's audit trail after a change", async ({ page, aws }) => {
  needs("mtls-fields", "update-domain-name");
  const [root] = await chain(1, { prefix: "Export" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root!)] });
  await page.goto(domainUrl(seeded.domainName));
  await disableMtlsInUi(page, seeded.domainName);
  await page.reload();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("audit-export").getByRole("link", { name: "JSON" }).click(),
  ]);
  const events = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    action: string;
    result: string;
    domainName: string;
  }[];
  expect(events).toContainEqual(
    expect.objectContaining({
      action: "disable-mutual-tls",
      result: "success",
      domainName: seeded.domainName,
    }),
  );
  const refused = await page.request.get(
    `/api/export/audit?domain=${seeded.domainName}&region=nowhere-1&format=csv`,
  );
  expect(refused.status()).toBe(404);
});
