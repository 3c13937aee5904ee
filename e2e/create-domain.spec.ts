/**
 * Creating an mTLS domain through the form: each prerequisite fails once
 * with its message (and nothing is created), then it succeeds, pinned to
 * the checked version, mapped, with the DNS target to point the name at.
 */
import { ImportCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { GetBasePathMappingsCommand, GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import {
  CreateApiCommand,
  CreateStageCommand,
  GetApiMappingsCommand,
} from "@aws-sdk/client-apigatewayv2";
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import type { Page } from "@playwright/test";
import { bundle, issue } from "../lib/pki/generate";
import { deployedRestApi, privateKeyPem, versionedBucket } from "../test-support/seed";
import { expect, needs, test } from "./aws";
import { unique } from "../test-support/seed";

async function checkFails(page: Page, id: string, text: string) {
  await page.getByRole("button", { name: "Check prerequisites" }).click();
  const item = page.locator(`[data-prerequisite="${id}"]`);
  await expect(item).toHaveAttribute("data-ok", "false");
  await expect(item).toContainText(text);
  await expect(page.getByRole("button", { name: "Create the domain" })).toBeDisabled();
}

test("each prerequisite fails once with its message, then the domain is created pinned and mapped", async ({
  page,
  aws,
}) => {
  needs("mtls-fields", "test-controls");
  const id = unique("new");
  const name = `${id}.test.example`;
  const bucket = `${id}-ts`;
  // An imported server certificate (it needs an ownership certificate), and ACM-issued ones.
  const ca = await issue({ subject: "CN=Create Server CA" });
  const server = await issue({
    subject: `CN=${name}`,
    issuer: ca,
    ca: false,
    sans: [name],
    usage: "server",
  });
  const imported = (
    await aws.acm.send(
      new ImportCertificateCommand({
        Certificate: Buffer.from(server.pem),
        PrivateKey: Buffer.from(await privateKeyPem(server.keys)),
        CertificateChain: Buffer.from(ca.pem),
      }),
    )
  ).CertificateArn!;
  const owner = (await aws.acm.send(new RequestCertificateCommand({ DomainName: name })))
    .CertificateArn!;
  const other = (await aws.acm.send(new RequestCertificateCommand({ DomainName: `other-${name}` })))
    .CertificateArn!;
  await aws.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const api = await deployedRestApi(aws, "create-e2e", "live");
  const root = await issue({ subject: "CN=Create Root" });

  await page.goto("/?region=us-east-1");
  await page.getByRole("link", { name: "New mTLS domain…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "New mTLS custom domain name",
  );
  const form = {
    name: page.getByLabel("Domain name"),
    server: page.getByLabel("Server certificate (ACM)"),
    owner: page.getByLabel("Ownership verification certificate"),
    uri: page.getByLabel("Truststore S3 URI"),
    version: page.getByLabel("Truststore version"),
    api: page.getByLabel("API to map (optional)"),
    stage: page.getByLabel("Stage"),
  };
  await form.name.fill("api.partners.example.com");
  await form.uri.fill(`s3://${bucket}/truststore.pem`);
  await checkFails(page, "name", "exists already");

  await form.name.fill(name);
  await form.server.selectOption(other);
  await checkFails(page, "server-certificate", `not ${name}`);

  await form.server.selectOption(imported);
  await checkFails(page, "ownership-certificate", "Missing ownershipVerificationCertificate");

  await form.owner.selectOption(owner);
  await checkFails(page, "truststore-bucket", "is not versioned");

  // The fix the page names: versioning on; then a refused file, then a good one.
  await aws.s3.send(
    new PutBucketVersioningCommand({
      Bucket: bucket,
      VersioningConfiguration: { Status: "Enabled" },
    }),
  );
  const bad = (
    await aws.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: "truststore.pem", Body: "not a certificate" }),
    )
  ).VersionId!;
  const good = (
    await aws.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: "truststore.pem", Body: bundle(root) }),
    )
  ).VersionId!;
  await checkFails(page, "truststore-file", "Pick a version");
  await form.version.selectOption(bad);
  await checkFails(page, "truststore-file", "The file is refused");
  await form.version.selectOption(good);

  await form.api.selectOption(api);
  await checkFails(page, "mapping", "Invalid stage identifier specified");
  await form.stage.selectOption("live");
  await page.getByRole("button", { name: "Check prerequisites" }).click();
  await expect(page.locator('[data-ok="false"]')).toHaveCount(0);
  // Nothing was created by any check.
  await expect(
    aws.apiGateway.send(new GetDomainNameCommand({ domainName: name })),
  ).rejects.toThrow();

  await page.getByRole("button", { name: "Create the domain" }).click();
  await expect(page.getByTestId("created")).toContainText(`pinned to truststore version ${good}`);
  const created = await aws.apiGateway.send(new GetDomainNameCommand({ domainName: name }));
  await expect(page.getByTestId("dns-target")).toHaveText(created.regionalDomainName!);
  expect(created.mutualTlsAuthentication).toMatchObject({
    truststoreUri: `s3://${bucket}/truststore.pem`,
    truststoreVersion: good,
  });
  expect(created.ownershipVerificationCertificateArn).toBe(owner);
  const mappings = await aws.apiGateway.send(new GetBasePathMappingsCommand({ domainName: name }));
  expect(mappings.items).toEqual([{ basePath: "(none)", restApiId: api, stage: "live" }]);
  await page.getByRole("link", { name: `Open ${name}` }).click();
  await expect(page.getByTestId("active-version")).toHaveText(good);
});

test("a new domain can be mapped to an HTTP API stage", async ({ page, aws }) => {
  needs("mtls-fields", "test-controls", "http-apis");
  const id = unique("newhttp");
  const name = `${id}.test.example`;
  await versionedBucket(aws, id);
  const root = await issue({ subject: "CN=New Http Root" });
  const version = (
    await aws.s3.send(new PutObjectCommand({ Bucket: id, Key: "ts.pem", Body: bundle(root) }))
  ).VersionId!;
  const cert = (await aws.acm.send(new RequestCertificateCommand({ DomainName: name })))
    .CertificateArn!;
  const { ApiId } = await aws.apiGatewayV2.send(
    new CreateApiCommand({ Name: `orders-${id}`, ProtocolType: "HTTP" }),
  );
  await aws.apiGatewayV2.send(new CreateStageCommand({ ApiId, StageName: "$default" }));

  await page.goto("/domains/new?region=us-east-1");
  await page.getByLabel("Domain name").fill(name);
  await page.getByLabel("Server certificate (ACM)").selectOption(cert);
  await page.getByLabel("Truststore S3 URI").fill(`s3://${id}/ts.pem`);
  await page.getByRole("button", { name: "Check prerequisites" }).click();
  await page.getByLabel("Truststore version").selectOption(version);
  await page.getByLabel("API to map (optional)").selectOption(ApiId!);
  await page.getByLabel("Stage").selectOption("$default");
  await page.getByLabel("Base path").fill("orders");
  await page.getByRole("button", { name: "Check prerequisites" }).click();
  await expect(page.locator('[data-ok="false"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Create the domain" }).click();
  await expect(page.getByTestId("created")).toBeVisible();
  const { Items = [] } = await aws.apiGatewayV2.send(
    new GetApiMappingsCommand({ DomainName: name }),
  );
  expect(Items).toEqual([
    expect.objectContaining({ ApiId, Stage: "$default", ApiMappingKey: "orders" }),
  ]);
});
