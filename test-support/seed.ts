/**
 * Test state made through the AWS SDK alone, as another tool would make it:
 * every test makes its own domain names, buckets and certificates (unique
 * names), so tests never share. Works on the emulator, moto and LocalStack.
 */
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import {
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  CreateRestApiCommand,
  GetDomainNameCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from "@aws-sdk/client-api-gateway";
import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import type { AwsClients } from "./clients";

export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface SeededDomain {
  domainName: string;
  bucket: string;
  key: string;
  /** Oldest first. */
  versionIds: string[];
  certificateArn: string;
}

const versioning = (aws: AwsClients, Bucket: string, Status: "Enabled" | "Suspended") =>
  aws.s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status } }));

/** A new bucket with versioning on, as a truststore bucket must have. */
/** A versioned bucket: created, unless it is already ours (a demo bucket a test shares). */
export async function versionedBucket(aws: AwsClients, bucket: string): Promise<void> {
  await aws.s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: Error) => {
    if (error.name !== "BucketAlreadyOwnedByYou") throw error;
  });
  await versioning(aws, bucket, "Enabled");
}

/**
 * A versioned bucket holding these truststore versions (oldest first), and
 * a REGIONAL custom domain name with an ACM-issued certificate and mutual
 * TLS pinned to `active` (default: the newest). Names are made unique from
 * `prefix`, unless given; unique buckets are under "ts-", the buckets the
 * apps under test may open by URI (TRUSTSTORE_BUCKETS). `versioned: false`
 * suspends versioning afterwards.
 */
export async function seedMtlsDomain(
  aws: AwsClients,
  options: {
    versions: string[];
    /** The version the domain is pinned to (an index), or "latest": none, it follows the latest object. */
    active?: number | "latest";
    prefix?: string;
    domainName?: string;
    bucket?: string;
    key?: string;
    versioned?: boolean;
    tags?: Record<string, string>;
  },
): Promise<SeededDomain> {
  const id = unique(options.prefix ?? "e2e");
  const domainName = options.domainName ?? `${id}.test.example`;
  const bucket = options.bucket ?? `ts-${id.toLowerCase()}`;
  const key = options.key ?? "truststore.pem";
  await versionedBucket(aws, bucket);
  const versionIds: string[] = [];
  for (const body of options.versions) {
    const put = new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      Metadata: { "uploaded-by": "seed@e2e" },
    });
    versionIds.push((await aws.s3.send(put)).VersionId!);
  }
  if (options.versioned === false) await versioning(aws, bucket, "Suspended");
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
        truststoreVersion:
          options.active === "latest"
            ? undefined
            : versionIds[options.active ?? versionIds.length - 1],
      },
      ...(options.tags ? { tags: options.tags } : {}),
    }),
  );
  return { domainName, bucket, key, versionIds, certificateArn };
}

/**
 * A REGIONAL custom domain name without mutual TLS, with an ACM-issued
 * certificate unless one is given. Returns its name.
 */
export async function plainDomain(
  aws: AwsClients,
  options: { domainName?: string; certificateArn?: string; securityPolicy?: string } = {},
): Promise<string> {
  const domainName = options.domainName ?? `${unique("plain")}.test.example`;
  const certificateArn =
    options.certificateArn ??
    (await aws.acm.send(new RequestCertificateCommand({ DomainName: domainName }))).CertificateArn!;
  await aws.apiGateway.send(
    new CreateDomainNameCommand({
      domainName,
      regionalCertificateArn: certificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: (options.securityPolicy ?? "TLS_1_2") as "TLS_1_2",
    }),
  );
  return domainName;
}

/** The truststore version a domain's mutual TLS is pinned to. */
export async function activeVersion(
  aws: AwsClients,
  domainName: string,
): Promise<string | undefined> {
  return (await aws.apiGateway.send(new GetDomainNameCommand({ domainName })))
    .mutualTlsAuthentication?.truststoreVersion;
}

/** The version ids of an S3 object, newest first. */
export async function objectVersions(
  aws: AwsClients,
  bucket: string,
  key: string,
): Promise<string[]> {
  const res = await aws.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
  return (res.Versions ?? []).map((v) => v.VersionId!);
}

/**
 * A REST API that can be deployed (as on AWS, it needs a method: GET on "/"
 * with a MOCK integration), deployed to `stageName`. Returns its id.
 */
export async function deployedRestApi(
  aws: AwsClients,
  name: string,
  stageName: string,
): Promise<string> {
  const { apiGateway } = aws;
  const restApiId = (await apiGateway.send(new CreateRestApiCommand({ name }))).id!;
  const { items = [] } = await apiGateway.send(new GetResourcesCommand({ restApiId }));
  const resourceId = items.find((r) => r.path === "/")!.id!;
  await apiGateway.send(
    new PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "NONE" }),
  );
  await apiGateway.send(
    new PutIntegrationCommand({ restApiId, resourceId, httpMethod: "GET", type: "MOCK" }),
  );
  await apiGateway.send(new CreateDeploymentCommand({ restApiId, stageName }));
  return restApiId;
}

/** A private key as PKCS#8 PEM, for ACM ImportCertificate and TLS clients. */
export async function privateKeyPem(keys: CryptoKeyPair): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey));
  return `-----BEGIN PRIVATE KEY-----\n${der
    .toString("base64")
    .match(/.{1,64}/g)!
    .join("\n")}\n-----END PRIVATE KEY-----\n`;
}
