/**
 * How the console looks and answers the keyboard, in Chromium: dark mode
 * when the system asks for it (every pairing keeps its contrast), no
 * horizontal overflow on a 390 px phone, and Enter confirming a typed
 * confirmation.
 */
import { GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";
import { domainUrl, rollBack, typeToConfirm } from "../test-support/ui-steps";

/** WCAG's contrast ratio of two CSS colours, as Chromium computes them. */
async function contrast(page: import("@playwright/test").Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const rgb = (css: string) => {
        const c = document.createElement("canvas").getContext("2d")!;
        c.fillStyle = css;
        c.fillRect(0, 0, 1, 1);
        return [...c.getImageData(0, 0, 1, 1).data].slice(0, 3);
      };
      const luminance = ([r, g, b]: number[]) => {
        const [R, G, B] = [r!, g!, b!].map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      let bg = "rgba(0, 0, 0, 0)";
      for (let e: Element | null = el; e && /rgba\(.*, 0\)$/.test(bg); e = e.parentElement)
        bg = getComputedStyle(e).backgroundColor;
      const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(bg))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
}

const bodyLightness = (page: import("@playwright/test").Page) =>
  page.evaluate(() => {
    const c = document.createElement("canvas").getContext("2d")!;
    c.fillStyle = getComputedStyle(document.body).backgroundColor;
    c.fillRect(0, 0, 1, 1);
    const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
    return (r! + g! + b!) / 3 / 255;
  });

test("dark mode follows the system, and text keeps its contrast", async ({ page, aws }) => {
  const [root] = await chain(1, { prefix: "Dark" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root!)] });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`/?q=${seeded.domainName}`);
  expect(await bodyLightness(page)).toBeGreaterThan(0.9);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await bodyLightness(page)).toBeLessThan(0.15);
  for (const selector of ["h1", '[data-testid="domain-row"] a', '[data-testid="domain-row"] td'])
    expect(await contrast(page, selector)).toBeGreaterThan(4.5);
  await page.goto(domainUrl(seeded.domainName));
  for (const selector of ["h1", "h2", "code, .font-mono"])
    expect(await contrast(page, selector)).toBeGreaterThan(4.5);
});

test("a 390 px phone: no page scrolls sideways (wide tables scroll in their own box)", async ({
  page,
  aws,
}) => {
  // A long name among the domains (the inspect page offers them in a list).
  const [root] = await chain(1, { prefix: "Narrow" });
  const long = await seedMtlsDomain(aws, {
    versions: [bundle(root!)],
    domainName: `long-name-${Date.now()}.partners.payments.example.com`,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ["/", domainUrl(long.domainName), "/domains/new", "/inspect"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(widths[0], url).toBeLessThanOrEqual(widths[1]!);
  }
  // The header's user menu stays on screen.
  const signOut = page.getByTestId("user-menu");
  const box = await signOut.boundingBox();
  if (box) expect(box.x + box.width).toBeLessThanOrEqual(390);
});

test("Enter confirms a typed confirmation", async ({ page, aws }) => {
  needs("mtls-fields", "update-domain-name");
  const [root] = await chain(1, { prefix: "Enter" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root!)] });
  await page.goto(domainUrl(seeded.domainName));
  await page.getByRole("button", { name: "Disable mutual TLS…" }).click();
  const dialog = page.getByRole("dialog");
  // Enter before the name is typed does nothing.
  await dialog.getByLabel(/Type .* to confirm/).press("Enter");
  await expect(dialog).toBeVisible();
  await typeToConfirm(dialog, seeded.domainName);
  await dialog.getByLabel(/Type .* to confirm/).press("Enter");
  await expect(page.getByText(`Mutual TLS is now off for ${seeded.domainName}`)).toBeVisible();
  const domain = await aws.apiGateway.send(
    new GetDomainNameCommand({ domainName: seeded.domainName }),
  );
  expect(domain.mutualTlsAuthentication).toBeUndefined();
});

test("after a switch, keyboard focus is on the version switched to", async ({ page, aws }) => {
  needs("mtls-fields", "update-domain-name");
  const pki = await chain(2, { prefix: "Focus" });
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(pki[0]!), bundle(pki[0]!, pki[1]!)],
  });
  await page.goto(domainUrl(seeded.domainName));
  await rollBack(page, seeded.versionIds[0]);
  await expect
    .poll(() =>
      page.evaluate(() =>
        document.activeElement?.closest("[data-version-id]")?.getAttribute("data-version-id"),
      ),
    )
    .toBe(seeded.versionIds[0]);
});
