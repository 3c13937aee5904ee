/**
 * The truststore engine is not part of a page's first load: a domain page
 * and Inspect fetch it when a file is first checked (pasted here), and the
 * check then works as before.
 */
import type { Page } from "@playwright/test";
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";
import { domainUrl } from "../test-support/ui-steps";

/** A sentence only the engine's checker holds (kept as it is by the minifier). */
const ENGINE_MARKER = "is not a valid X.509 certificate (its DER does not parse)";

/** The scripts the page has fetched that hold the engine (`settled`: once every body is read). */
function engineScripts(page: Page): { loaded: () => string[]; settled: () => Promise<string[]> } {
  const loaded: string[] = [];
  const reading: Promise<void>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script") return;
    reading.push(
      res.text().then(
        (body) => void (body.includes(ENGINE_MARKER) && loaded.push(res.url())),
        () => undefined,
      ),
    );
  });
  return { loaded: () => loaded, settled: async () => (await Promise.all(reading), loaded) };
}

test("a domain page loads the engine only when a file is checked", async ({ page, aws }) => {
  needs("mtls-fields");
  const [root] = await chain(1, { prefix: "Lazy" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root!)] });
  const scripts = engineScripts(page);
  await page.goto(domainUrl(seeded.domainName));
  await page.waitForLoadState("networkidle");
  expect(await scripts.settled()).toEqual([]);
  await page.getByText("…or paste PEM text").click();
  await page.getByLabel("PEM text").fill(bundle(root!));
  await page.getByRole("button", { name: "Check pasted text" }).click();
  await expect(page.getByTestId("candidate-verdict")).toBeVisible();
  // Bodies are read as they come: wait for the one holding the engine.
  await expect.poll(() => scripts.loaded().length).toBeGreaterThan(0);
});

test("Inspect loads the engine only when a file is checked", async ({ page }) => {
  const [root] = await chain(1, { prefix: "LazyInspect" });
  const scripts = engineScripts(page);
  await page.goto("/inspect");
  await page.waitForLoadState("networkidle");
  expect(await scripts.settled()).toEqual([]);
  await page.getByLabel(/Drop a PEM file here, or paste/).fill(bundle(root!));
  await page.getByRole("button", { name: "Decode and check" }).click();
  await expect(page.getByTestId("certificate-subject").first()).toContainText("LazyInspect");
  // Bodies are read as they come: wait for the one holding the engine.
  await expect.poll(() => scripts.loaded().length).toBeGreaterThan(0);
});

test("a part whose code cannot be fetched says so and offers a reload; nothing is sent", async ({
  page,
  aws,
}) => {
  needs("mtls-fields");
  const [root] = await chain(1, { prefix: "LazyLost" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root!)] });
  // A real lost request: every script holding the checked-file view is aborted (both tries).
  const CHECKED_VIEW = "Comparing with the active version";
  let aborted = 0;
  await page.route("**/_next/static/chunks/**", async (route) => {
    const res = await route.fetch();
    if ((await res.text()).includes(CHECKED_VIEW)) {
      aborted++;
      return route.abort("connectionreset");
    }
    return route.fulfill({ response: res });
  });
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await page.goto(domainUrl(seeded.domainName));
  await page.waitForLoadState("networkidle");
  await page.getByText("…or paste PEM text").click();
  await page.getByLabel("PEM text").fill(bundle(root!));
  await page.getByRole("button", { name: "Check pasted text" }).click();
  const alert = page
    .getByRole("alert")
    .filter({ hasText: "This part of the page could not be loaded" });
  await expect(alert).toBeVisible();
  expect(aborted).toBeGreaterThanOrEqual(1);
  // The rest of the page stands; nothing was uploaded (only the read of the active version went out).
  await expect(page.getByRole("heading", { name: "Version history" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload and activate" })).toHaveCount(0);
  await expect(alert.getByRole("button", { name: "Reload the page" })).toBeEnabled();
  expect(posts.length).toBeLessThanOrEqual(1);
});
