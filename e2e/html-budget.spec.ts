/**
 * The HTML budget: the page of a domain whose truststore holds 1,000
 * certificates, with ten versions, stays under 250 KB whole (its HTML and
 * React payload), as the server streams it.
 */
import { bundle, largeBundle } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";
import { domainUrl } from "../test-support/ui-steps";

const DOMAIN_PAGE_BUDGET = 250 * 1024;

test("a domain page with 1,000 certificates and ten versions weighs under 250 KB", async ({
  page,
  aws,
}) => {
  needs("mtls-fields");
  test.setTimeout(120_000);
  const certs = await largeBundle(1000, { prefix: "Budget" });
  const versions = Array.from({ length: 10 }, (_, v) =>
    bundle(...certs.filter((_, i) => i !== v + 1)),
  );
  const seeded = await seedMtlsDomain(aws, { versions, prefix: "budget" });
  // First view: the versions are summarised behind it; the page then shows them all.
  await page.goto(domainUrl(seeded.domainName));
  await expect(page.getByTestId("version-row")).toHaveCount(10);
  await expect(page.locator("[data-testid=version-row] >> text=summarising")).toHaveCount(0, {
    timeout: 60_000,
  });
  const html = await (await page.request.get(domainUrl(seeded.domainName))).text();
  expect(html).toContain("Certificates of the active version (999)");
  expect(Buffer.byteLength(html)).toBeLessThan(DOMAIN_PAGE_BUDGET);
});
