/**
 * Every AWS CLI command of AWS's guide "Configuring mutual TLS
 * authentication for a REST API", and of its "Disable the default endpoint"
 * page, run through a shell as the docs print them (quotes and all), against
 * the emulator: names and ids filled in, nothing else changed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, chain } from "../lib/pki/generate";
import { awsCli, awsCliAvailable, type AwsCli } from "../test-support/aws-cli";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { deployedRestApi } from "../test-support/seed";

describe.skipIf(!awsCliAvailable)("AWS's mutual TLS guide, verbatim", () => {
  let t: TestEmulator;
  let aws: AwsCli;
  const dir = mkdtempSync(join(tmpdir(), "aws-guide-"));
  beforeAll(async () => {
    t = await startTestEmulator();
    aws = awsCli(t.endpoint, dir);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const mtlsOf = async (domain: string) =>
    (await aws("apigateway", "get-domain-name", "--domain-name", domain))
      .mutualTlsAuthentication as { truststoreUri: string; truststoreVersion?: string } | undefined;

  it("upload, create with mutual TLS, switch the version, disable, enable again", async () => {
    const domain = "guide.test.example";
    await aws("s3api", "create-bucket", "--bucket", "guide-bucket");
    await aws.shell(
      "aws s3api put-bucket-versioning --bucket guide-bucket --versioning-configuration Status=Enabled",
    );
    const pki = await chain(2, { prefix: "Guide" });
    aws.file("certificates.pem", bundle(pki[0]!));
    await aws.shell("aws s3 cp certificates.pem s3://guide-bucket");
    const certificate = (await aws("acm", "request-certificate", "--domain-name", domain))
      .CertificateArn as string;

    await aws.shell(
      `aws apigateway create-domain-name --region us-east-1 \\
    --domain-name ${domain} \\
    --regional-certificate-arn ${certificate} \\
    --endpoint-configuration types=REGIONAL \\
    --security-policy TLS_1_2 \\
    --mutual-tls-authentication truststoreUri=s3://guide-bucket/certificates.pem`,
    );
    expect(await mtlsOf(domain)).toMatchObject({
      truststoreUri: "s3://guide-bucket/certificates.pem",
    });

    aws.file("certificates.pem", bundle(pki[0]!, pki[1]!));
    await aws.shell("aws s3 cp certificates.pem s3://guide-bucket");
    const versions = (await aws("s3api", "list-object-versions", "--bucket", "guide-bucket"))
      .Versions as { VersionId: string; IsLatest: boolean }[];
    const newest = versions.find((v) => v.IsLatest)!.VersionId;
    await aws.shell(
      `aws apigateway update-domain-name \\
    --domain-name ${domain} \\
    --patch-operations op='replace',path='/mutualTlsAuthentication/truststoreVersion',value='${newest}'`,
    );
    expect((await mtlsOf(domain))?.truststoreVersion).toBe(newest);

    await aws.shell(
      `aws apigateway update-domain-name \\
    --domain-name ${domain} \\
    --patch-operations op='replace',path='/mutualTlsAuthentication/truststoreUri',value=''`,
    );
    expect(await mtlsOf(domain)).toBeUndefined();

    // Enabling it again on the existing domain name: the same patch with a URI.
    await aws.shell(
      `aws apigateway update-domain-name \\
    --domain-name ${domain} \\
    --patch-operations op='replace',path='/mutualTlsAuthentication/truststoreUri',value='s3://guide-bucket/certificates.pem'`,
    );
    expect(await mtlsOf(domain)).toMatchObject({
      truststoreUri: "s3://guide-bucket/certificates.pem",
    });
  });

  it("disables the default execute-api endpoint with the page's own value ('True')", async () => {
    const restApiId = await deployedRestApi(t.clients(), "guide-api", "prod");
    await aws.shell(
      `aws apigateway update-rest-api \\
    --rest-api-id ${restApiId} \\
    --patch-operations op=replace,path=/disableExecuteApiEndpoint,value='True'`,
    );
    const api = await aws("apigateway", "get-rest-api", "--rest-api-id", restApiId);
    expect(api.disableExecuteApiEndpoint).toBe(true);
    await aws.shell(
      `aws apigateway update-rest-api --rest-api-id ${restApiId} --patch-operations op=replace,path=/disableExecuteApiEndpoint,value='False'`,
    );
    expect(
      (await aws("apigateway", "get-rest-api", "--rest-api-id", restApiId))
        .disableExecuteApiEndpoint,
    ).toBe(false);
  });
});
