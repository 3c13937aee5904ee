/**
 * "Which domains trust this CA?": the overview's search finds domains by a
 * CA's subject (as the console, openssl or its old slash form writes it),
 * by its SHA-256 fingerprint (with or without colons, any case, a prefix)
 * and by their truststore's S3 URI, across every truststore of the region,
 * pinned or following the latest object; a row found by a CA names it.
 */
import { createHash } from "node:crypto";
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain, unique } from "../test-support/seed";

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

test("search by a CA's subject, in the forms people paste it", async ({ page, aws }) => {
  needs("mtls-fields");
  const name = unique("Subj");
  const [trusted, other] = await Promise.all([
    chain(1, { prefix: name }),
    chain(1, { prefix: `${name}x` }),
  ]);
  // One pinned to the version with the CA, one following the latest object (it has the CA).
  const pinned = await seedMtlsDomain(aws, {
    versions: [bundle(trusted[0]!), bundle(other[0]!)],
    active: 0,
    prefix: "subj-pinned",
  });
  const latest = await seedMtlsDomain(aws, {
    versions: [bundle(other[0]!), bundle(trusted[0]!)],
    active: "latest",
    prefix: "subj-latest",
  });
  const elsewhere = await seedMtlsDomain(aws, {
    versions: [bundle(other[0]!)],
    prefix: "subj-other",
  });
  const rows = page.getByTestId("domain-row");
  const subject = `CN=${name} Root CA, O=Example`;
  for (const q of [
    `${name} Root`,
    subject.toUpperCase(),
    `subject=O = Example, CN = ${name} Root CA`,
    `/O=Example/CN=${name} Root CA`,
  ]) {
    await page.goto(`/?q=${encodeURIComponent(q)}`);
    await expect(rows.filter({ hasText: pinned.domainName }), q).toHaveCount(1);
    await expect(rows.filter({ hasText: latest.domainName }), q).toHaveCount(1);
    await expect(rows.filter({ hasText: elsewhere.domainName }), q).toHaveCount(0);
  }
  await expect(rows.filter({ hasText: pinned.domainName }).getByTestId("matched-ca")).toHaveText(
    `trusts ${subject}`,
  );
  // Typed into the box, as a user would.
  await page.goto("/");
  await page.getByRole("searchbox", { name: /CA subject/ }).fill(`CN=${name}x Root`);
  await expect(rows.filter({ hasText: elsewhere.domainName })).toHaveCount(1);
  await expect(rows.filter({ hasText: pinned.domainName })).toHaveCount(0);
  await expect(rows.filter({ hasText: latest.domainName })).toHaveCount(0);
});
