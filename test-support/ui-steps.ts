/**
 * The steps a user takes in the console that many e2e tests share, done
 * the way a user does them (roles, labels, typed confirmations).
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { has } from "./e2e-target";
import type { SeededDomain } from "./seed";

export const domainUrl = (domainName: string, region = "us-east-1") =>
  `/domains/${encodeURIComponent(domainName)}?region=${region}`;

/**
 * The domain page with the seeded truststore shown: where the backend does
 * not report mutual TLS (moto, LocalStack), opened by its S3 URI through the
 * page's form, as a user would.
 */
export async function gotoTruststore(page: Page, seeded: SeededDomain): Promise<void> {
  await page.goto(domainUrl(seeded.domainName));
  if (has("mtls-fields")) return;
  await page
    .getByLabel("Open a truststore by its S3 URI")
    .fill(`s3://${seeded.bucket}/${seeded.key}`);
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await expect(page.getByTestId("opened-truststore")).toBeVisible();
}

/** Clicks "Roll back to this version" on a version's row; returns the confirmation dialog. */
export async function openRollback(page: Page, versionId: string | undefined): Promise<Locator> {
  if (!versionId) throw new Error("openRollback: no such version");
  await page
    .locator(`[data-version-id="${versionId}"]`)
    .getByRole("button", { name: "Roll back to this version" })
    .click();
  return page.getByRole("dialog");
}

/** Types the domain name where a change that refuses today's clients asks for it. */
export async function typeToConfirm(dialog: Locator, domainName: string): Promise<void> {
  await dialog.getByLabel(/Type .* to confirm/).fill(domainName);
}

/**
 * Rolls a domain back to `versionId` as an operator does: open the dialog,
 * type the domain name when `confirmAs` is given, switch, wait for the outcome
 * and for the page to show the version active.
 */
export async function rollBack(
  page: Page,
  versionId: string | undefined,
  confirmAs?: string,
): Promise<Locator> {
  const dialog = await openRollback(page, versionId);
  if (confirmAs) await typeToConfirm(dialog, confirmAs);
  await dialog.getByRole("button", { name: "Switch version" }).click();
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  // The page has refreshed to the new state (what the next change must carry as the version seen).
  if (versionId)
    await expect(page.locator(`[data-version-id="${versionId}"]`)).toHaveAttribute(
      "data-active",
      "true",
    );
  return dialog;
}

/** Turns mutual TLS off as an operator does: the dialog, the domain name typed, the notice. */
export async function disableMtlsInUi(page: Page, domainName: string): Promise<void> {
  await page.getByRole("button", { name: "Disable mutual TLS…" }).click();
  const dialog = page.getByRole("dialog");
  await typeToConfirm(dialog, domainName);
  await dialog.getByRole("button", { name: "Disable mutual TLS", exact: true }).click();
  await expect(page.getByText(`Mutual TLS is now off for ${domainName}`)).toBeVisible();
}

/**
 * Opens "Enable mutual TLS…", waiting for the domain to settle (the page
 * polls while it is UPDATING); returns the dialog.
 */
export async function openEnableMtls(page: Page): Promise<Locator> {
  const open = page.getByRole("button", { name: "Enable mutual TLS…" });
  await expect(open).toBeEnabled({ timeout: 20_000 });
  await open.click();
  return page.getByRole("dialog");
}

/** Names the truststore by its S3 URI in the enable dialog and lists its versions. */
export async function listTruststoreVersions(
  dialog: Locator,
  truststoreUri: string,
): Promise<void> {
  await dialog.getByLabel("Truststore S3 URI").fill(truststoreUri);
  await dialog.getByRole("button", { name: "List versions" }).click();
}
