/**
 * `npm run dev` works whether the dashboard is opened at localhost or at
 * 127.0.0.1 (allowedDevOrigins): the page hydrates, so filters react.
 * Without it, Next.js blocks its dev resources for 127.0.0.1 and nothing on
 * the page responds.
 */
import { expect, test } from "@playwright/test";

const PORT = 3104;

for (const host of ["127.0.0.1", "localhost"]) {
  test(`the dev server's pages come alive at ${host}`, async ({ page }) => {
    const blocked: string[] = [];
    page.on("response", (res) => {
      if (res.status() === 403 && res.url().includes("/_next/")) blocked.push(res.url());
    });
    await page.goto(`http://${host}:${PORT}/`);
    const rows = page.getByTestId("domain-row");
    await expect(rows.first()).toBeVisible({ timeout: 60_000 });
    const all = await rows.count();
    // Typing in the search box filters the table only once React has hydrated.
    await page
      .getByLabel(/Search/i)
      .first()
      .fill("partners");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeLessThan(all);
    expect(blocked).toEqual([]);
  });
}
