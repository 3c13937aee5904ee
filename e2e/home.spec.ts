import { GetDomainNamesCommand } from "@aws-sdk/client-api-gateway";
import { expect, TARGET, test } from "./aws";

test("every page says which AWS it talks to: the embedded emulator with demo data, or the endpoint", async ({
  page,
}) => {
  await page.goto("/");
  const banner = page.getByTestId("backend-banner");
  if (TARGET !== "emulator") {
    await expect(banner).toContainText("Using the AWS endpoint");
    // Which backend answers there, and what it cannot do.
    await expect(banner.getByTestId("backend-detected")).toHaveText(
      TARGET === "moto" ? "moto" : "LocalStack",
    );
    await banner.getByText(/What .* cannot do/).click();
    await expect(banner).toContainText("mTLS is shown as unknown, never as off");
  } else {
    await expect(banner).toContainText("Demo mode");
    await expect(banner).toContainText("http://127.0.0.1:4610");
  }
  await page.goto("/inspect");
  await expect(banner).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveTitle("Custom domain names · mTLS Console");
});

test("the home page lists the domains the emulator holds, read through the SDK", async ({
  page,
  aws,
}) => {
  const { items = [] } = await aws.apiGateway.send(new GetDomainNamesCommand({ limit: 500 }));
  if (TARGET === "emulator") expect(items.length).toBeGreaterThanOrEqual(8);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Custom domain names" })).toBeVisible();
  for (const d of items) {
    const row = page.getByRole("row").filter({ hasText: d.domainName! });
    await expect(row).toContainText(d.domainNameStatus!);
  }
});
