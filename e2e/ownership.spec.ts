/**
 * Fixing PENDING_OWNERSHIP_VERIFICATION in the browser, as AWS's guide
 * says: set a valid ACM certificate as the ownership verification
 * certificate, the one update the locked domain takes.
 */
import { ImportCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand, GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { bundle, issue } from "../lib/pki/generate";
import { privateKeyPem, seedMtlsDomain, unique } from "../test-support/seed";
import { domainUrl } from "../test-support/ui-steps";
import { expect, needs, test } from "./aws";

test("a domain locked in PENDING_OWNERSHIP_VERIFICATION gets a new ownership certificate and is available again", async ({
  page,
  aws,
  emulator,
}) => {
  needs("test-controls", "mtls-fields", "update-domain-name");
  const root = await issue({ subject: "CN=Ownership Root" });
  const truststore = await seedMtlsDomain(aws, { versions: [bundle(root)], prefix: "owner-ts" });
  const domainName = `${unique("owner")}.test.example`;
  const leaf = await issue({ subject: `CN=${domainName}`, sans: [domainName], ca: false });
  const server = (
    await aws.acm.send(
      new ImportCertificateCommand({
        Certificate: Buffer.from(leaf.pem),
        PrivateKey: Buffer.from(await privateKeyPem(leaf.keys)),
      }),
    )
  ).CertificateArn!;
  const request = async () =>
    (await aws.acm.send(new RequestCertificateCommand({ DomainName: domainName }))).CertificateArn!;
  const expired = await request();
  await aws.apiGateway.send(
    new CreateDomainNameCommand({
      domainName,
      regionalCertificateArn: server,
      ownershipVerificationCertificateArn: expired,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: "TLS_1_2",
      mutualTlsAuthentication: {
        truststoreUri: `s3://${truststore.bucket}/${truststore.key}`,
        truststoreVersion: truststore.versionIds[0],
      },
    }),
  );
  await emulator(`domains/${domainName}/status`, {
    status: "PENDING_OWNERSHIP_VERIFICATION",
    message: "The ownership verification certificate expired and could not be renewed.",
  });
  const fresh = await request();

  await page.goto(domainUrl(domainName));
  await expect(page.getByRole("button", { name: "Disable mutual TLS…" })).toBeDisabled();
  await page
    .getByRole("button", { name: "Replace the ownership verification certificate…" })
    .click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("imported");
  const choices = dialog.getByTestId("ownership-choices");
  await choices.getByRole("radio", { name: new RegExp(fresh.split("/")[1]!) }).check();
  await dialog.getByRole("button", { name: "Set this certificate" }).click();
  await expect(page.getByText(`is now ${fresh}`)).toBeVisible();
  await expect(async () => {
    const now = await aws.apiGateway.send(new GetDomainNameCommand({ domainName }));
    expect([now.ownershipVerificationCertificateArn, now.domainNameStatus]).toEqual([
      fresh,
      "AVAILABLE",
    ]);
  }).toPass({ timeout: 15_000 });
});
