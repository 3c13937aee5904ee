/**
 * "Which domains trust this CA?": the overview's search finds domains by a
 * CA's SHA-256 fingerprint (with or without colons, any case, a prefix) and
 * by their truststore's S3 URI, across every truststore of the region.
 */
import { createHash } from "node:crypto";
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";

const der = (pem: string) =>
  Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");

test("search by a CA's fingerprint or a truststore's S3 URI", async ({ page, aws }) => {
  needs("mtls-fields");
  const [trusted, other] = await Promise.all([
    chain(1, { prefix: "Searched" }),
    chain(1, { prefix: "Elsewhere" }),
  ]);
  const a = await seedMtlsDomain(aws, { versions: [bundle(trusted[0]!)], prefix: "search-a" });
  const b = await seedMtlsDomain(aws, { versions: [bundle(other[0]!)], prefix: "search-b" });
  const hex = createHash("sha256").update(der(trusted[0]!.pem)).digest("hex");
  const rows = page.getByTestId("domain-row");
  for (const q of [hex, hex.toUpperCase().match(/../g)!.join(":"), hex.slice(0, 16)]) {
    await page.goto(`/?q=${encodeURIComponent(q)}`);
    await expect(rows.filter({ hasText: a.domainName })).toHaveCount(1);
    await expect(rows.filter({ hasText: b.domainName })).toHaveCount(0);
  }
  await page.goto("/");
  await page.getByRole("searchbox", { name: /S3 URI/ }).fill(`s3://${b.bucket}/`);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(b.domainName);
});
