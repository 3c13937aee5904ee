import { GetBucketVersioningCommand } from "@aws-sdk/client-s3";
import type { Page } from "@playwright/test";
import { bundle, chain, issue } from "../lib/pki/generate";
import { privateKeyPem } from "../test-support/seed";
import { expect, needs, test } from "./aws";
import { activeVersion, objectVersions, seedMtlsDomain } from "../test-support/seed";
import { domainUrl, typeToConfirm } from "../test-support/ui-steps";

/** A real drop: a `drop` event carrying a File in its DataTransfer. */
async function dropFile(page: Page, testId: string, name: string, content: string) {
  await expect(page.getByTestId(testId)).toHaveAttribute("data-ready", "true");
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: "application/x-pem-file" }));
      return dt;
    },
    { name, content },
  );
  await page.getByTestId(testId).dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId(testId).dispatchEvent("drop", { dataTransfer });
}

test("drag and drop shows the findings before upload; upload and activate points the domain at the new S3 version", async ({
  page,
  aws,
}) => {
  needs("mtls-fields", "update-domain-name");
  const pki = await chain(2, { prefix: "Upload" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  const weak = await issue({ subject: "CN=Dropped SHA1 Root", hash: "SHA-1" });
  await page.goto(domainUrl(seeded.domainName));

  await dropFile(page, "dropzone", "new.pem", bundle(pki[0]!, weak));
  await expect(page.getByTestId("candidate-verdict")).toHaveText("1 warning in the file");
  await expect(page.locator("[data-rule=weak-hash]").first()).toContainText("CN=Dropped SHA1 Root");
  await expect(page.getByTestId("diff").locator("[data-change=added]")).toContainText(
    "CN=Dropped SHA1 Root",
  );
  // Nothing was sent yet.
  expect(await objectVersions(aws, seeded.bucket, seeded.key)).toHaveLength(1);

  const upload = page.getByRole("button", { name: "Upload and activate" });
  await expect(upload).toBeDisabled();
  await page.getByLabel(/I understand/).check();
  await upload.click();
  await expect(page.getByTestId("outcome-status")).toBeVisible();

  const versions = await objectVersions(aws, seeded.bucket, seeded.key);
  expect(versions).toHaveLength(2);
  expect(await activeVersion(aws, seeded.domainName)).toBe(versions[0]);
  expect(versions[0]).not.toBe(seeded.versionIds[0]);
});

test("the lockout guard: a file that removes every CA clients chain to is red and needs the domain name typed; one that only adds a CA is one click", async ({
  page,
  aws,
}) => {
  needs("mtls-fields", "update-domain-name");
  const roots = await Promise.all(
    [1, 2, 3, 4, 5].map((n) => issue({ subject: `CN=Partner ${n} Root CA` })),
  );
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(...roots)] });
  const unrelated = await issue({ subject: "CN=Unrelated Root CA" });
  await page.goto(domainUrl(seeded.domainName));

  // Only adds a CA: no guard, one click.
  await dropFile(page, "dropzone", "more.pem", bundle(...roots, unrelated));
  await expect(page.getByTestId("lockout-ok")).toContainText(
    "Keeps all 5 CAs that clients chain to today",
  );
  await expect(page.getByTestId("lockout-guard")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Upload and activate" })).toBeEnabled();
  await page.getByRole("button", { name: "Discard" }).click();

  // One unrelated CA replacing all five: the file is fine, the change is not.
  await dropFile(page, "dropzone", "replace.pem", bundle(unrelated));
  const guard = page.getByTestId("lockout-guard");
  await expect(guard).toContainText(
    "5 of 5 CAs that clients chain to today stop working: every client that can connect today will be refused.",
  );
  for (const n of [1, 2, 3, 4, 5]) await expect(guard).toContainText(`CN=Partner ${n} Root CA`);
  // One verdict: the file is valid, and the change refuses clients.
  await expect(page.getByTestId("candidate-verdict")).toHaveText(
    "the file is valid, but uploading it refuses clients that connect today (above)",
  );
  // The guard comes first in the checked file's section, above the file's own verdict.
  const guardBox = (await guard.boundingBox())!;
  const verdictBox = (await page.getByTestId("candidate-verdict").boundingBox())!;
  expect(guardBox.y).toBeLessThan(verdictBox.y);
  const upload = page.getByRole("button", { name: "Upload and activate" });
  await expect(upload).toBeDisabled();
  await typeToConfirm(guard, "not-the-name.example.com");
  await expect(upload).toBeDisabled();
  expect(await objectVersions(aws, seeded.bucket, seeded.key)).toEqual(seeded.versionIds);
  await typeToConfirm(guard, seeded.domainName);
  await upload.click();
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  const versions = await objectVersions(aws, seeded.bucket, seeded.key);
  expect(await activeVersion(aws, seeded.domainName)).toBe(versions[0]);
});

test("a bundle with a private key is refused in the browser and no S3 version is written", async ({
  page,
  aws,
}) => {
  needs("mtls-fields");
  const pki = await chain(2, { prefix: "Keyed" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  await page.goto(domainUrl(seeded.domainName));
  const key = await privateKeyPem(pki[0]!.keys);
  await dropFile(page, "dropzone", "keyed.pem", `${pki[0]!.pem}\n${key}`);
  await expect(page.getByTestId("candidate-verdict")).toHaveText("refused");
  await expect(page.locator("[data-rule=private-key]")).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload and activate" })).toBeDisabled();
  // The key's body is not shown anywhere.
  await expect(page.locator("body")).not.toContainText(key.split("\n")[1]!);
  expect(await objectVersions(aws, seeded.bucket, seeded.key)).toEqual(seeded.versionIds);
});

test("a failed activation after a successful upload is reported, and retrying it works", async ({
  page,
  aws,
  emulator,
}) => {
  needs("mtls-fields", "update-domain-name", "test-controls");
  const pki = await chain(2, { prefix: "Retry" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  const next = await issue({ subject: "CN=Retry Second Root" });
  await page.goto(domainUrl(seeded.domainName));
  await dropFile(page, "dropzone", "next.pem", bundle(pki[0]!, next));
  await expect(page.getByTestId("candidate-verdict")).toHaveText("no problems found in the file");
  // Enough 500s to outlast the SDK's retries.
  await emulator("faults", { operation: "UpdateDomainName", kind: "error500", count: 3 });
  await page.getByRole("button", { name: "Upload and activate" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "was uploaded" });
  await expect(alert).toContainText("activating it failed");
  const versions = await objectVersions(aws, seeded.bucket, seeded.key);
  expect(versions).toHaveLength(2);
  expect(await activeVersion(aws, seeded.domainName)).toBe(seeded.versionIds[0]);

  await alert.getByRole("button", { name: /Activate version/ }).click();
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  expect(await activeVersion(aws, seeded.domainName)).toBe(versions[0]);
});

test("an unversioned bucket is refused, with an offer to enable versioning", async ({
  page,
  aws,
}) => {
  needs("mtls-fields");
  const pki = await chain(2, { prefix: "Unversioned" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)], versioned: false });
  await page.goto(domainUrl(seeded.domainName));
  await dropFile(page, "dropzone", "x.pem", bundle(pki[0]!, pki[1]!));
  await page.getByRole("button", { name: "Upload and activate" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "does not have versioning enabled" }),
  ).toBeVisible();
  expect(await objectVersions(aws, seeded.bucket, seeded.key)).toEqual(seeded.versionIds);
  await page.getByRole("button", { name: "Enable versioning on the bucket" }).click();
  await expect
    .poll(
      async () =>
        (await aws.s3.send(new GetBucketVersioningCommand({ Bucket: seeded.bucket }))).Status,
    )
    .toBe("Enabled");
});
