/**
 * A status that settles on its own is polled less and less often, and not
 * forever: after 10 minutes a Refresh button takes over (Playwright's clock
 * runs the page's timers; the server's answers are counted).
 */
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";
import { domainUrl } from "../test-support/ui-steps";

test("polling backs off, stops after 10 minutes, and Refresh starts it again", async ({
  page,
  aws,
  emulator,
}) => {
  needs("mtls-fields");
  // A domain stuck PENDING (as a real one can be): its page polls.
  const [root] = await chain(1, { prefix: "Stuck" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root!)] });
  await emulator(`domains/${seeded.domainName}/status`, { status: "PENDING" });
  await page.clock.install();
  const refreshes: string[] = [];
  page.on("request", (r) => {
    // The page's own refreshes (not the links' prefetches).
    const h = r.headers();
    if (h["rsc"] === "1" && !h["next-router-prefetch"]) refreshes.push(r.url());
  });
  await page.goto(domainUrl(seeded.domainName));
  const status = page.getByText(/Refreshing in \d+ s until every status settles/);
  await expect(status).toHaveText(/Refreshing in 3 s/);
  await page.clock.runFor(3_100);
  await expect(status).toHaveText(/Refreshing in 5 s/);
  await page.clock.runFor(5_000);
  await expect(status).toHaveText(/Refreshing in 7 s/);
  // Ten minutes (and the wait under way) of waits that grow to a minute: far fewer than the
  // 200 a 3 s interval makes.
  await page.clock.runFor(11 * 60_000);
  await expect(page.getByText(/Stopped refreshing after 10 minutes/)).toBeVisible();
  expect(refreshes.length).toBeGreaterThan(5);
  expect(refreshes.length).toBeLessThan(25);
  const stoppedAt = refreshes.length;
  await page.clock.runFor(5 * 60_000);
  expect(refreshes.length).toBe(stoppedAt);
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  await expect(status).toHaveText(/Refreshing in 3 s/);
});
