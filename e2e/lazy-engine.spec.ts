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
