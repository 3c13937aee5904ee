/**
 * Building blocks of the demo data: truststore versions with metadata,
 * ACM certificates (Amazon-issued and imported), domains with their
 * warnings computed as API Gateway does, REST APIs and mappings.
 */
import { createHash } from "node:crypto";
import { type Issued } from "../../lib/pki/generate";
import { TRUSTSTORE_METADATA_KEYS } from "../../lib/model/domain";
import { checkTruststore } from "../../lib/truststore";
import { issueAmazonCertificate } from "../acm/router";
import { rootOnly } from "../apigateway/resource-schema";
import { truststoreWarnings } from "../apigateway/router";
import { epochSeconds, type Context } from "../http";
import {
  ACCOUNT_ID,
  domainKey,
  httpApiKey,
  mappingKey,
  randomId,
  restApiKey,
  stageKey,
  type Certificate,
  type DomainName,
  type DomainStatus,
  type ObjectVersion,
} from "../state";

export const DAY = 86_400_000;
export const DEMO_BUCKET = "mtls-console-demo-truststores";
export const DEMO_UNVERSIONED_BUCKET = "mtls-console-demo-unversioned";
export const DEMO_REGION = "us-east-1";

export interface SeedSummary {
  domains: number;
  certificates: number;
  truststoreVersions: number;
}

export async function putVersion(
  ctx: Context,
  bucketName: string,
  key: string,
  pem: string,
  uploadedBy: string,
  at: number,
): Promise<string> {
  const bucket = ctx.state.buckets[bucketName]!;
  const body = Buffer.from(pem);
  const count = (await checkTruststore(body)).certificates.length;
  const version: ObjectVersion = {
    versionId:
      bucket.versioning === "Enabled" ? randomId(32).replace(/^./, (c) => c.toUpperCase()) : "null",
    deleteMarker: false,
    body: body.toString("base64"),
    etag: `"${createHash("md5").update(body).digest("hex")}"`,
    size: body.length,
    lastModified: at,
    contentType: "application/x-pem-file",
    metadata: {
      [TRUSTSTORE_METADATA_KEYS.uploadedBy]: uploadedBy,
      [TRUSTSTORE_METADATA_KEYS.sha256]: createHash("sha256").update(body).digest("hex"),
      [TRUSTSTORE_METADATA_KEYS.certificateCount]: String(count),
    },
  };
  (bucket.objects[key] ??= []).push(version);
  return version.versionId;
}

export async function amazonCertificate(
  ctx: Context,
  region: string,
  domain: string,
  options: { notAfter?: number; notBefore?: number; key?: string } = {},
): Promise<string> {
  const now = ctx.now();
  const issued = await issueAmazonCertificate(
    domain,
    [domain],
    options.key ?? "EC_prime256v1",
    now,
    {
      notBefore: options.notBefore ?? now - 60 * DAY,
      notAfter: options.notAfter ?? now + 335 * DAY,
    },
    `demo-${options.key ?? "EC_prime256v1"}`,
  );
  const arn = `arn:aws:acm:${region}:${ACCOUNT_ID}:certificate/${crypto.randomUUID()}`;
  ctx.state.certificates[arn] = {
    ...issued,
    arn,
    region,
    status: "ISSUED",
    createdAt: issued.notBefore,
    tags: {},
  };
  return arn;
}

export function importedCertificate(
  ctx: Context,
  region: string,
  leaf: Issued,
  domain: string,
  now: number,
): string {
  const arn = `arn:aws:acm:${region}:${ACCOUNT_ID}:certificate/${crypto.randomUUID()}`;
  const cert: Certificate = {
    arn,
    region,
    type: "IMPORTED",
    status: "ISSUED",
    domainName: domain,
    subjectAlternativeNames: [domain],
    keyAlgorithm: "EC_prime256v1",
    signatureAlgorithm: "SHA256WITHECDSA",
    subject: leaf.subject,
    issuer: leaf.cert.issuer,
    serial: leaf.cert.serialNumber.replace(/(..)(?=.)/g, "$1:"),
    notBefore: epochSeconds(leaf.cert.notBefore.getTime()),
    notAfter: epochSeconds(leaf.cert.notAfter.getTime()),
    createdAt: epochSeconds(now - 200 * DAY),
    importedAt: epochSeconds(now - 20 * DAY),
    certificatePem: leaf.pem,
    tags: {},
  };
  ctx.state.certificates[arn] = cert;
  return arn;
}

export interface DomainSpec {
  name: string;
  region?: string;
  status?: DomainStatus;
  message?: string;
  certificateArn: string;
  ownershipArn?: string;
  securityPolicy?: string;
  endpointType?: DomainName["endpointType"];
  truststore?: { key: string; version: string };
  updatingForMs?: number;
  tags?: Record<string, string>;
}

export async function addDomain(ctx: Context, spec: DomainSpec): Promise<DomainName> {
  const region = spec.region ?? DEMO_REGION;
  const domain: DomainName = {
    region,
    domainName: spec.name,
    domainNameId: randomId(10),
    regionalDomainName: `d-${randomId(10)}.execute-api.${region}.amazonaws.com`,
    regionalHostedZoneId: "Z1UJRXOUMOOFQ8",
    regionalCertificateArn: spec.certificateArn,
    endpointType: spec.endpointType ?? "REGIONAL",
    securityPolicy: spec.securityPolicy ?? "TLS_1_2",
    status: spec.status ?? "AVAILABLE",
    certificateUploadDate: epochSeconds(ctx.now() - 30 * DAY),
    tags: spec.tags ?? {},
  };
  if (domain.endpointType === "EDGE")
    domain.distributionDomainName = `d${randomId(13)}.cloudfront.net`;
  if (spec.message) domain.statusMessage = spec.message;
  if (spec.updatingForMs !== undefined) domain.updatingUntil = ctx.now() + spec.updatingForMs;
  if (spec.ownershipArn) domain.ownershipVerificationCertificateArn = spec.ownershipArn;
  if (spec.truststore) {
    const uri = `s3://${DEMO_BUCKET}/${spec.truststore.key}`;
    const { warnings } = await truststoreWarnings(ctx, uri, spec.truststore.version);
    domain.mutualTls = {
      truststoreUri: uri,
      truststoreVersion: spec.truststore.version,
      truststoreWarnings: warnings,
    };
  }
  ctx.state.domains[domainKey(region, spec.name)] = domain;
  return domain;
}

export function addRestApi(
  ctx: Context,
  name: string,
  disableExecuteApiEndpoint: boolean,
  region = DEMO_REGION,
): string {
  const id = randomId(10);
  ctx.state.restApis[restApiKey(region, id)] = {
    region,
    id,
    name,
    description: `${name} (demo)`,
    createdDate: epochSeconds(ctx.now() - 120 * DAY),
    disableExecuteApiEndpoint,
    endpointTypes: ["REGIONAL"],
    resources: rootOnly(id, ["ANY"]),
    authorizers: {},
    tags: {},
  };
  return id;
}

export function map(
  ctx: Context,
  domainName: string,
  basePath: string,
  restApiId: string,
  stage = "prod",
  region = DEMO_REGION,
) {
  const created = epochSeconds(ctx.now() - 90 * DAY);
  ctx.state.stages[stageKey(region, restApiId, stage)] ??= {
    region,
    restApiId,
    stageName: stage,
    deploymentId: randomId(6),
    createdDate: created,
    lastUpdatedDate: created,
  };
  ctx.state.mappings[mappingKey(region, domainName, basePath)] = {
    region,
    domainName,
    basePath,
    restApiId,
    stage,
  };
}

/** An HTTP API (API Gateway v2) with a `$default` stage, mapped to the domain at `basePath`. */
export function mapHttpApi(
  ctx: Context,
  domainName: string,
  basePath: string,
  name: string,
  region = DEMO_REGION,
): string {
  const apiId = randomId(10);
  ctx.state.httpApis[httpApiKey(region, apiId)] = {
    region,
    apiId,
    name,
    createdDate: epochSeconds(ctx.now() - 60 * DAY),
    disableExecuteApiEndpoint: true,
    stages: ["$default"],
    routes: {},
    authorizers: {},
  };
  ctx.state.mappings[mappingKey(region, domainName, basePath)] = {
    region,
    domainName,
    basePath,
    restApiId: apiId,
    stage: "$default",
    apiType: "HTTP",
  };
  return apiId;
}
