/**
 * A confirmation stays with its change: Escape while the change is under
 * way (its request held back on the network) leaves the dialog open, and
 * the outcome is shown when the answer comes.
 */
import { bundle, issue } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { activeVersion, seedMtlsDomain } from "../test-support/seed";
import { domainUrl, openRollback } from "../test-support/ui-steps";

test("Escape during a pending switch keeps the dialog until the outcome", async ({ page, aws }) => {
  needs("mtls-fields", "update-domain-name");
  const a = await issue({ subject: "CN=Pending Root A" });
  const b = await issue({ subject: "CN=Pending Root B" });
  // The older version adds a CA: switching to it refuses nobody, one click.
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(a, b), bundle(a)] });
  await page.goto(domainUrl(seeded.domainName));
  // The switch's request (a server action: a POST carrying Next-Action) is held for 2 s.
  let held = 0;
  await page.route(domainUrl(seeded.domainName), async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      held++;
      await new Promise((r) => setTimeout(r, 2000));
    }
    await route.continue();
  });
  const dialog = await openRollback(page, seeded.versionIds[0]);
  const confirm = dialog.getByRole("button", { name: "Switch version" });
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog.getByRole("button", { name: "Working…" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeDisabled();
  // The answer comes: the dialog closes on success and the outcome is on the page.
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(held).toBeGreaterThanOrEqual(1);
  expect(await activeVersion(aws, seeded.domainName)).toBe(seeded.versionIds[0]);
});
