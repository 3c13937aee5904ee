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
  const consent = page.locator("button[autofocus], button[type=submit]").filter({ hasText: /continue|authorize/i });
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
  await expect(page.getByText("Your role (viewer) can see everything here but change nothing").first()).toBeVisible();
});
