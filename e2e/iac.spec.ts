/**
 * A domain deployed by CloudFormation, in Chromium: its tags are shown, the
 * page warns that a deployment can put back what the template says, and
 * offers the template's lines for the active version to copy.
 */
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";
import { domainUrl } from "../test-support/ui-steps";

test("a CloudFormation-managed domain: tags, the warning, the snippets for its active version", async ({
  page,
  aws,
  context,
}) => {
  needs("mtls-fields");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const [root] = await chain(1, { prefix: "Iac" });
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(root!)],
    tags: {
      "aws:cloudformation:stack-name": "payments-edge",
      "aws:cloudformation:logical-id": "ApiDomain",
      team: "payments",
    },
  });
  await page.goto(domainUrl(seeded.domainName));
  await page
    .getByTestId("section-nav")
    .getByRole("link", { name: "Infrastructure as code" })
    .click();
  await expect(page).toHaveURL(/#iac$/);
  const tags = page.getByTestId("iac-tags");
  await expect(tags).toContainText("aws:cloudformation:stack-name");
  await expect(tags).toContainText("payments-edge");
  await expect(tags).toContainText("team");
  await expect(page.getByTestId("iac-managed")).toContainText("payments-edge");
  await expect(page.getByTestId("iac-managed")).toContainText("ApiDomain");
  const cfn = page.getByTestId("iac-snippet-cloudformation-v1");
  await expect(cfn).toContainText(`TruststoreVersion: "${seeded.versionIds[0]}"`);
  await expect(cfn).toContainText(`s3://${seeded.bucket}/${seeded.key}`);
  await cfn.getByRole("button", { name: /^Copy / }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(seeded.versionIds[0]!);
  await expect(page.getByTestId("iac-snippet-aws-cli-v1")).toContainText(
    "aws apigateway update-domain-name",
  );
  // Before a change, the dialog says what a deployment of the stack does to it.
  await page.getByRole("button", { name: "Disable mutual TLS…" }).click();
  await expect(page.getByRole("dialog").getByTestId("iac-warning")).toContainText(
    "CloudFormation stack payments-edge",
  );
});
