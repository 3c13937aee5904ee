/**
 * Test state, made through the AWS SDK: every test makes its own domain
 * names, buckets and certificates (unique names), so tests never share.
 */
import "reflect-metadata";
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand, GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import type { Page } from "@playwright/test";
import type { AwsClients } from "../lib/aws/clients";
import { expect, has } from "./aws";

export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface SeededDomain {
  domainName: string;
  bucket: string;
  key: string;
  versionIds: string[];
  certificateArn: string;
}

/** A versioned bucket with these truststore versions (oldest first) and an mTLS domain on `active` (default: the newest). */
export async function seedMtlsDomain(
  aws: AwsClients,
  options: { versions: string[]; active?: number; prefix?: string; versioned?: boolean },
): Promise<SeededDomain> {
  const id = unique(options.prefix ?? "e2e");
  const domainName = `${id}.test.example`;
  // Under "ts-": the buckets the apps under test may open by URI (TRUSTSTORE_BUCKETS).
  const bucket = `ts-${id.toLowerCase()}`;
  const key = "truststore.pem";
  await aws.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await aws.s3.send(
    new PutBucketVersioningCommand({
      Bucket: bucket,
      VersioningConfiguration: { Status: "Enabled" },
    }),
  );
  const versionIds: string[] = [];
  for (const body of options.versions) {
    versionIds.push(
      (
        await aws.s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            Metadata: { "uploaded-by": "seed@e2e" },
          }),
        )
      ).VersionId!,
    );
  }
  if (options.versioned === false) {
    await aws.s3.send(
      new PutBucketVersioningCommand({
        Bucket: bucket,
        VersioningConfiguration: { Status: "Suspended" },
      }),
    );
  }
  const certificateArn = (
    await aws.acm.send(new RequestCertificateCommand({ DomainName: domainName }))
  ).CertificateArn!;
  await aws.apiGateway.send(
    new CreateDomainNameCommand({
      domainName,
      regionalCertificateArn: certificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: "TLS_1_2",
      mutualTlsAuthentication: {
        truststoreUri: `s3://${bucket}/${key}`,
        truststoreVersion: versionIds[options.active ?? versionIds.length - 1],
      },
    }),
  );
  return { domainName, bucket, key, versionIds, certificateArn };
}

export async function activeVersion(
  aws: AwsClients,
  domainName: string,
): Promise<string | undefined> {
  return (await aws.apiGateway.send(new GetDomainNameCommand({ domainName })))
    .mutualTlsAuthentication?.truststoreVersion;
}

export async function objectVersions(
  aws: AwsClients,
  bucket: string,
  key: string,
): Promise<string[]> {
  const res = await aws.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
  return (res.Versions ?? []).map((v) => v.VersionId!);
}

export const domainUrl = (domainName: string, region = "us-east-1") =>
  `/domains/${encodeURIComponent(domainName)}?region=${region}`;

/**
 * The domain page with the seeded truststore shown: where the backend does
 * not report mutual TLS (moto, LocalStack), opened by its S3 URI through the
 * page's form, as a user would.
 */
export async function gotoTruststore(page: Page, seeded: SeededDomain): Promise<void> {
  await page.goto(domainUrl(seeded.domainName));
  if (has("mtls-fields")) return;
  await page
    .getByLabel("Open a truststore by its S3 URI")
    .fill(`s3://${seeded.bucket}/${seeded.key}`);
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await expect(page.getByTestId("opened-truststore")).toBeVisible();
}
