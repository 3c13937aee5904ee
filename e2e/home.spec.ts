import { expect, test } from "@playwright/test";

test("the home page renders with its heading and navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Custom domain names" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "mTLS Console" })).toBeVisible();
  await expect(page).toHaveTitle("mTLS Console");
});
