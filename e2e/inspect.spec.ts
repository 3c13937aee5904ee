import { bundle, chain, issue } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import { seedMtlsDomain } from "../test-support/seed";

test("inspect decodes pasted PEM without AWS, and says whether a client would be accepted and why", async ({
  page,
  aws,
}) => {
  needs("mtls-fields");
  const pki = await chain(3, { prefix: "Inspect" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!, pki[1]!)] });
  const stranger = await issue({
    subject: "CN=stranger-device",
    issuer: await issue({ subject: "CN=Unknown CA" }),
    ca: false,
  });

  await page.goto("/inspect");
  await page.getByLabel(/Drop a PEM file here, or paste/).fill(pki[2]!.pem);
  await page.getByRole("button", { name: "Decode and check" }).click();
  await expect(page.getByTestId("certificate-subject")).toHaveText("CN=Inspect Client, O=Example");
  await page.getByTestId("certificate-subject").click();
  await expect(page.getByText("TLS Web Client Authentication")).toBeVisible();

  await page.getByLabel(/Domain name/).selectOption(seeded.domainName);
  await page.getByRole("button", { name: "Check against its active truststore" }).click();
  await expect(page.getByTestId("client-verdict")).toContainText(
    `Accepted by ${seeded.domainName}`,
  );
  // What the backend receives, as API Gateway hands it over.
  await page.getByTestId("backend-receives").getByText("What your backend receives").click();
  await expect(page.getByTestId("backend-receives")).toContainText(
    '"subjectDN": "CN=Inspect Client, O=Example"',
  );
  await expect(page.getByTestId("backend-receives")).toContainText('"issuerDN"');

  await page.getByLabel(/Drop a PEM file here, or paste/).fill(stranger.pem);
  await page.getByRole("button", { name: "Check against its active truststore" }).click();
  await expect(page.getByTestId("client-verdict")).toContainText("Refused");
  await expect(page.getByTestId("backend-receives")).toHaveCount(0);
  await expect(page.getByTestId("client-verdict")).toContainText(
    "Could not find issuer for certificate",
  );
});
