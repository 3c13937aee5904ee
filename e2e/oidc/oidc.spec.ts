/**
 * OpenID Connect sign-in against a real local OpenID Provider; roles come
 * from the groups claim.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../aws";

async function signInWithSso(page: Page, account: string) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  // oidc-provider's development login and consent screens.
  await page.locator("input[name=login]").fill(account);
  await page.locator("input[name=password]").fill("any-password");
  await page.locator("button[type=submit]").click();
  const consent = page
    .locator("button[autofocus], button[type=submit]")
    .filter({ hasText: /continue|authorize/i });
  if (await consent.count()) await consent.first().click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

test("an account in the operators group signs in as operator", async ({ page }) => {
  await signInWithSso(page, "op-olivia");
  await expect(page.getByTestId("user-menu")).toContainText("op-olivia@example.com");
  await expect(page.getByTestId("user-menu")).toContainText("operator");
  await expect(page.getByRole("heading", { level: 1, name: "Custom domain names" })).toBeVisible();
});

test("any other account signs in as viewer", async ({ page }) => {
  await signInWithSso(page, "victor");
  await expect(page.getByTestId("user-menu")).toContainText("viewer");
  await page.goto("/domains/api.partners.example.com?region=us-east-1");
  await expect(
    page.getByText("Your role (viewer) can see everything here but change nothing").first(),
  ).toBeVisible();
});

test("a role changed at the provider applies within the claims' maximum age, without signing in again", async ({
  page,
}) => {
  const account = `op-demoted-${Date.now()}`;
  await signInWithSso(page, account);
  await expect(page.getByTestId("user-menu")).toContainText("operator");
  const res = await fetch(`http://127.0.0.1:4700/test/groups/${account}`, {
    method: "POST",
    body: JSON.stringify(["everyone"]),
  });
  expect(res.status).toBe(204);
  // OIDC_CLAIMS_MAX_AGE_SECONDS is 2 for this app (default 300): the next request after that reads the claims again.
  await page.waitForTimeout(2_500);
  await page.reload();
  await expect(page.getByTestId("user-menu")).toContainText("viewer");
  await page.goto("/domains/api.partners.example.com?region=us-east-1");
  await expect(
    page.getByText("Your role (viewer) can see everything here but change nothing").first(),
  ).toBeVisible();
});

test("an allowlisted e-mail makes an operator only when the provider verified it, and is the user's name only then", async ({
  page,
}) => {
  // OIDC_OPERATORS lists unverified-boss@example.com; this provider does not verify "unverified…" addresses.
  await signInWithSso(page, "unverified-boss");
  // Known by its subject and issuer, never by the e-mail nobody verified.
  await expect(page.getByTestId("user-menu")).toContainText(
    "unverified-boss (http://127.0.0.1:4700)",
  );
  await expect(page.getByTestId("user-menu")).not.toContainText("unverified-boss@example.com");
  await expect(page.getByTestId("user-menu")).toContainText("viewer");
});
