/**
 * Enabling mutual TLS on an existing domain in the browser: off and on
 * again at a version picked, the domain's state read back through the SDK;
 * and a truststore the engine refuses keeps the button disabled.
 */
import { GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { bundle, chain } from "../lib/pki/generate";
import { expect, needs, test } from "./aws";
import {
  plainDomain,
  privateKeyPem,
  seedMtlsDomain,
  unique,
  versionedBucket,
} from "../test-support/seed";
import {
  disableMtlsInUi,
  domainUrl,
  listTruststoreVersions,
  openEnableMtls,
  typeToConfirm,
} from "../test-support/ui-steps";

test("disable mutual TLS, then enable it again at an older version picked in the dialog", async ({
  page,
  aws,
}) => {
  needs("mtls-fields", "update-domain-name");
  const pki = await chain(2, { prefix: "Reenable" });
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(pki[0]!), bundle(pki[0]!, pki[1]!)],
  });
  const uri = `s3://${seeded.bucket}/${seeded.key}`;
  const mtls = async () =>
    (await aws.apiGateway.send(new GetDomainNameCommand({ domainName: seeded.domainName })))
      .mutualTlsAuthentication;
  await page.goto(domainUrl(seeded.domainName));
  await disableMtlsInUi(page, seeded.domainName);
  expect(await mtls()).toBeUndefined();

  const dialog = await openEnableMtls(page);
  // The truststore it had is remembered from the disable's audit record, its versions listed.
  await expect(dialog.getByLabel("Truststore S3 URI")).toHaveValue(uri);
  await dialog.getByLabel("Truststore version").selectOption(seeded.versionIds[0]!);
  for (const id of ["endpoint", "status", "server-certificate", "truststore-bucket"])
    await expect(dialog.locator(`[data-prerequisite="${id}"]`)).toHaveAttribute("data-ok", "true");
  await expect(dialog.locator('[data-prerequisite="truststore-file"]')).toHaveAttribute(
    "data-ok",
    "true",
  );
  await expect(dialog.locator('[data-prerequisite="truststore-file"]')).toContainText(
    "1 certificates",
  );
  const confirm = dialog.getByRole("button", { name: "Enable mutual TLS", exact: true });
  await expect(confirm).toBeDisabled();
  await typeToConfirm(dialog, seeded.domainName);
  await confirm.click();
  await expect(page.getByText(`Mutual TLS is now on for ${seeded.domainName}`)).toBeVisible();
  expect(await mtls()).toMatchObject({
    truststoreUri: uri,
    truststoreVersion: seeded.versionIds[0],
  });
  await expect(page.getByTestId("active-version")).toHaveText(seeded.versionIds[0]!);
});

test("a domain created without mutual TLS: a truststore the engine refuses keeps it off", async ({
  page,
  aws,
}) => {
  needs("mtls-fields", "update-domain-name");
  const [root] = await chain(1, { prefix: "Plain" });
  const domainName = await plainDomain(aws);
  const bucket = `ts-${unique("plain").toLowerCase()}`;
  await versionedBucket(aws, bucket);
  const { VersionId } = await aws.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: "truststore.pem",
      Body: `${root!.pem}\n${await privateKeyPem(root!.keys)}`,
    }),
  );
  await page.goto(domainUrl(domainName));
  await expect(page.getByTestId("mtls-off")).toBeVisible();
  const dialog = await openEnableMtls(page);
  await expect(dialog.getByLabel("Truststore S3 URI")).toHaveValue("");
  await listTruststoreVersions(dialog, `s3://${bucket}/truststore.pem`);
  await dialog.getByLabel("Truststore version").selectOption(VersionId!);
  const file = dialog.locator('[data-prerequisite="truststore-file"]');
  await expect(file).toHaveAttribute("data-ok", "false");
  await expect(dialog.locator('[data-rule="private-key"]')).toBeVisible();
  await typeToConfirm(dialog, domainName);
  await expect(
    dialog.getByRole("button", { name: "Enable mutual TLS", exact: true }),
  ).toBeDisabled();
  expect(
    (await aws.apiGateway.send(new GetDomainNameCommand({ domainName }))).mutualTlsAuthentication,
  ).toBeUndefined();
});
