/**
 * `npm run dev`, as the README's quick start runs it on the machine's own
 * Node.js (npm puts the project's Node.js 24 first), works whether the
 * dashboard is opened at localhost or at 127.0.0.1 (allowedDevOrigins): the
 * page hydrates, so filters react, and stays: no reload loop (Fast Refresh
 * falling back to full reloads) in the 30 seconds after.
 */
import { expect, test, type Page } from "@playwright/test";

const PORT = 3104;
const STAY_MS = 30_000;

/** Opens the overview at this host and waits until typing filters it (hydrated); counts its reloads after. */
async function openHydrated(page: Page, host: string): Promise<{ navigations: () => number }> {
  const blocked: string[] = [];
  let navigations = 0;
  page.on("response", (res) => {
    if (res.status() === 403 && res.url().includes("/_next/")) blocked.push(res.url());
  });
  // A reload loads the document again (a client-side navigation does not).
  page.on("request", (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations++;
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
  const settled = navigations;
  return { navigations: () => navigations - settled };
}

test("the dev server's pages come alive at 127.0.0.1 and localhost, and stay", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const hosts = ["127.0.0.1", "localhost"];
  const pages = await Promise.all(hosts.map(() => browser.newPage()));
  const opened = [];
  // One after the other: the first visit compiles the page.
  for (const [i, host] of hosts.entries()) opened.push(await openHydrated(pages[i]!, host));
  await pages[0]!.waitForTimeout(STAY_MS);
  for (const [i, host] of hosts.entries()) {
    expect(opened[i]!.navigations(), `documents loaded at ${host} after hydration`).toBe(0);
    await expect(pages[i]!.getByLabel(/Search/i).first()).toHaveValue("partners");
    expect(new URL(pages[i]!.url()).hostname).toBe(host);
  }
});
