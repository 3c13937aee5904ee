/**
 * The copy buttons of a domain page, in Chromium with the clipboard
 * allowed: each copies the whole value the page shows (not its shortened
 * form), and says so.
 */
import { GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";
import { domainUrl } from "../test-support/ui-steps";

test("copy the domain's ARN, DNS target, truststore URI, version IDs and certificate ARN", async ({
  page,
  aws,
  context,
}) => {
  needs("mtls-fields");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const [a, b] = await chain(2, { prefix: "Copy" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(a!), bundle(a!, b!)] });
  const domain = await aws.apiGateway.send(
    new GetDomainNameCommand({ domainName: seeded.domainName }),
  );
  await page.goto(domainUrl(seeded.domainName));
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const copies: [RegExp | string, string][] = [
    ["Copy the domain's ARN", domain.domainNameArn!],
    ["Copy DNS target", domain.regionalDomainName!],
    ["Copy the truststore's S3 URI", `s3://${seeded.bucket}/${seeded.key}`],
    ["Copy the active version ID", seeded.versionIds[1]!],
    [`Copy version ID ${seeded.versionIds[0]}`, seeded.versionIds[0]!],
    ["Copy the ARN of the server certificate", domain.regionalCertificateArn!],
  ];
  for (const [name, value] of copies) {
    const button = page.getByRole("button", { name, exact: true });
    await button.click();
    await expect(button, String(name)).toHaveText("Copied");
    expect(await clipboard(), String(name)).toBe(value);
  }
});
