/**
 * Demo data, generated at seed time so that every date stays relative to
 * now: domains in every status, mTLS on and off, a partner truststore with a
 * history (a CA added, an intermediate expiring, a SHA-1 root that warns, a
 * newer version not yet activated), an imported server certificate whose
 * ownership verification certificate is about to expire, and a REST API
 * whose default execute-api endpoint still bypasses mTLS.
 */
import { createHash } from "node:crypto";
import { bundle, issue, makeKeys, type Issued } from "../lib/pki/generate";
import { TRUSTSTORE_METADATA_KEYS } from "../lib/domains/types";
import { checkTruststore } from "../lib/truststore";
import { issueAmazonCertificate } from "./acm/router";
import { truststoreWarnings } from "./apigateway/router";
import { epochSeconds, type Context } from "./http";
import {
  ACCOUNT_ID,
  domainKey,
  mappingKey,
  randomId,
  restApiKey,
  type Certificate,
  type DomainName,
  type DomainStatus,
  type ObjectVersion,
} from "./state";

const DAY = 86_400_000;
export const DEMO_BUCKET = "mtls-console-demo-truststores";
export const DEMO_UNVERSIONED_BUCKET = "mtls-console-demo-unversioned";
export const DEMO_REGION = "us-east-1";

export interface SeedSummary {
  domains: number;
  certificates: number;
  truststoreVersions: number;
}

async function putVersion(
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

async function amazonCertificate(
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

function importedCertificate(
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

interface DomainSpec {
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

async function addDomain(ctx: Context, spec: DomainSpec): Promise<DomainName> {
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

function addRestApi(
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
    tags: {},
  };
  return id;
}

function map(
  ctx: Context,
  domainName: string,
  basePath: string,
  restApiId: string,
  stage = "prod",
  region = DEMO_REGION,
) {
  ctx.state.mappings[mappingKey(region, domainName, basePath)] = {
    region,
    domainName,
    basePath,
    restApiId,
    stage,
  };
}

export async function seedDemo(ctx: Context): Promise<SeedSummary> {
  const now = ctx.now();
  const at = (days: number) => new Date(now + days * DAY);
  for (const [name, versioning] of [
    [DEMO_BUCKET, "Enabled"],
    [DEMO_UNVERSIONED_BUCKET, undefined],
  ] as const) {
    ctx.state.buckets[name] ??= {
      name,
      region: DEMO_REGION,
      createdAt: now - 400 * DAY,
      objects: {},
      ...(versioning ? { versioning } : {}),
    };
  }

  // Partner PKI. Shared keys keep seeding fast; certificates are all distinct.
  const ec384 = await makeKeys({ ec: "P-384" }, "demo-root-384");
  const rsa = await makeKeys({ rsa: 2048 }, "demo-rsa");
  const acmeRoot = await issue({
    subject: "CN=Acme Partner Root CA, O=Acme Corp, C=US",
    keys: ec384,
    key: { ec: "P-384" },
    notBefore: at(-900),
    notAfter: at(2700),
    pathLength: 1,
  });
  const acmeIssuing = await issue({
    subject: "CN=Acme Partner Issuing CA 1, O=Acme Corp, C=US",
    issuer: acmeRoot,
    ca: true,
    notBefore: at(-700),
    notAfter: at(21),
  });
  const acmeIssuing2 = await issue({
    subject: "CN=Acme Partner Issuing CA 2, O=Acme Corp, C=US",
    issuer: acmeRoot,
    ca: true,
    notBefore: at(-10),
    notAfter: at(1800),
  });
  const globexRoot = await issue({
    subject: "CN=Globex IoT Root CA, O=Globex, C=DE",
    keys: rsa,
    key: { rsa: 2048 },
    notBefore: at(-1200),
    notAfter: at(2400),
  });
  const globexDevices = await issue({
    subject: "CN=Globex Device CA, OU=Fleet, O=Globex, C=DE",
    issuer: globexRoot,
    ca: true,
    notBefore: at(-600),
    notAfter: at(1200),
  });
  const initechLegacy = await issue({
    subject: "CN=Initech Legacy Root, O=Initech, C=US",
    keys: rsa,
    key: { rsa: 2048 },
    hash: "SHA-1",
    notBefore: at(-3000),
    notAfter: at(600),
  });
  const umbrellaRoot = await issue({
    subject: "CN=Umbrella B2B Root CA 2026, O=Umbrella Corp, C=GB",
    notBefore: at(-30),
    notAfter: at(3650),
  });
  const soonRoot = await issue({
    subject: "CN=Hooli Payments Root CA, O=Hooli, C=US",
    notBefore: at(-700),
    notAfter: at(9),
  });
  const evil = await issue({
    subject: "CN=<img src=x onerror=alert(1)>, O=Markup Test",
    notBefore: at(-5),
    notAfter: at(700),
  });

  // The partner truststore's history: four versions that tell a story.
  const partners = "partners/truststore.pem";
  const v1 = await putVersion(
    ctx,
    DEMO_BUCKET,
    partners,
    `# Partner CAs\n${bundle(acmeRoot, acmeIssuing)}\n`,
    "alice@example.com",
    now - 120 * DAY,
  );
  await putVersion(
    ctx,
    DEMO_BUCKET,
    partners,
    `# Partner CAs (+ Globex)\n${bundle(acmeRoot, acmeIssuing, globexRoot, globexDevices)}\n`,
    "bob@example.com",
    now - 75 * DAY,
  );
  const v3 = await putVersion(
    ctx,
    DEMO_BUCKET,
    partners,
    `# Partner CAs (+ Initech legacy)\n${bundle(acmeRoot, acmeIssuing, globexRoot, globexDevices, initechLegacy)}\n`,
    "carol@example.com",
    now - 30 * DAY,
  );
  await putVersion(
    ctx,
    DEMO_BUCKET,
    partners,
    `# Partner CAs (Initech retired, Umbrella added, Acme CA 2)\n${bundle(acmeRoot, acmeIssuing, acmeIssuing2, globexRoot, globexDevices, umbrellaRoot)}\n`,
    "alice@example.com",
    now - 2 * DAY,
  );
  const iot = await putVersion(
    ctx,
    DEMO_BUCKET,
    "iot/truststore.pem",
    bundle(globexRoot, globexDevices),
    "iot-pipeline",
    now - 200 * DAY,
  );
  const payments = await putVersion(
    ctx,
    DEMO_BUCKET,
    "payments/truststore.pem",
    bundle(soonRoot, acmeRoot),
    "dave@example.com",
    now - 40 * DAY,
  );
  const staging = await putVersion(
    ctx,
    DEMO_BUCKET,
    "staging/truststore.pem",
    bundle(acmeRoot, acmeIssuing2, evil),
    "ci@example.com",
    now - 3 * DAY,
  );
  const euStore = await putVersion(
    ctx,
    DEMO_BUCKET,
    "eu/truststore.pem",
    bundle(umbrellaRoot, globexRoot),
    "erin@example.com",
    now - 15 * DAY,
  );
  await putVersion(
    ctx,
    DEMO_UNVERSIONED_BUCKET,
    "legacy/truststore.pem",
    bundle(acmeRoot),
    "alice@example.com",
    now - 300 * DAY,
  );

  // Server certificates.
  const cert = (domain: string, options?: Parameters<typeof amazonCertificate>[3]) =>
    amazonCertificate(ctx, DEMO_REGION, domain, options);
  const partnersCert = await cert("api.partners.example.com", { key: "RSA_2048" });
  const ownershipSoon = await cert("devices.iot.example.com", {
    notBefore: now - 385 * DAY,
    notAfter: now + 12 * DAY,
  });
  const ownershipExpired = await cert("secure.example.com", {
    notBefore: now - 400 * DAY,
    notAfter: now - 3 * DAY,
  });
  const serverCa = await issue({
    subject: "CN=Globex Server CA, O=Globex, C=DE",
    notBefore: at(-400),
    notAfter: at(1400),
  });
  const iotServer = await issue({
    subject: "CN=devices.iot.example.com",
    issuer: serverCa,
    ca: false,
    sans: ["devices.iot.example.com"],
    notBefore: at(-20),
    notAfter: at(345),
  });
  const secureServer = await issue({
    subject: "CN=secure.example.com",
    issuer: serverCa,
    ca: false,
    sans: ["secure.example.com"],
    notBefore: at(-100),
    notAfter: at(265),
  });
  const iotImported = importedCertificate(
    ctx,
    DEMO_REGION,
    iotServer,
    "devices.iot.example.com",
    now,
  );
  const secureImported = importedCertificate(
    ctx,
    DEMO_REGION,
    secureServer,
    "secure.example.com",
    now,
  );
  const expiringServer = await cert("payments.example.com", {
    notBefore: now - 370 * DAY,
    notAfter: now + 25 * DAY,
  });

  const partnersApi = addRestApi(ctx, "partners-api", false);
  const iotApi = addRestApi(ctx, "iot-ingest", true);
  const billingApi = addRestApi(ctx, "billing-api", true);
  const paymentsApi = addRestApi(ctx, "payments-api", false);

  const domains: DomainSpec[] = [
    {
      name: "api.partners.example.com",
      certificateArn: partnersCert,
      truststore: { key: partners, version: v3 },
      tags: { team: "platform" },
    },
    {
      name: "devices.iot.example.com",
      certificateArn: iotImported,
      ownershipArn: ownershipSoon,
      truststore: { key: "iot/truststore.pem", version: iot },
    },
    {
      name: "payments.example.com",
      certificateArn: expiringServer,
      truststore: { key: "payments/truststore.pem", version: payments },
    },
    {
      name: "billing.partners.example.com",
      status: "UPDATING",
      updatingForMs: 45_000,
      certificateArn: await cert("billing.partners.example.com"),
      truststore: { key: partners, version: v1 },
    },
    {
      name: "staging.partners.example.com",
      status: "PENDING",
      message: "The domain name is being created.",
      certificateArn: await cert("staging.partners.example.com"),
      truststore: { key: "staging/truststore.pem", version: staging },
    },
    {
      name: "reimport.example.com",
      status: "PENDING_CERTIFICATE_REIMPORT",
      message:
        "The re-imported certificate's subject alternative names do not cover reimport.example.com.",
      certificateArn: await cert("reimport.example.com"),
    },
    {
      name: "secure.example.com",
      status: "PENDING_OWNERSHIP_VERIFICATION",
      message: "The ownership verification certificate expired and could not be renewed.",
      certificateArn: secureImported,
      ownershipArn: ownershipExpired,
      truststore: { key: partners, version: v1 },
    },
    {
      name: "broken.example.com",
      status: "FAILED",
      message:
        "The certificate subject CN=broken.example.com conflicts with an existing certificate from a different issuer.",
      certificateArn: await cert("broken.example.com"),
    },
    {
      name: "legacy.example.com",
      endpointType: "REGIONAL",
      securityPolicy: "TLS_1_0",
      certificateArn: await cert("legacy.example.com"),
    },
    {
      name: "www.example.com",
      securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09",
      certificateArn: await cert("www.example.com"),
    },
  ];
  for (const spec of domains) await addDomain(ctx, spec);
  // eu-west-1, for the region switcher.
  const euCert = await amazonCertificate(ctx, "eu-west-1", "api.eu.example.com");
  await addDomain(ctx, {
    name: "api.eu.example.com",
    region: "eu-west-1",
    certificateArn: euCert,
    truststore: { key: "eu/truststore.pem", version: euStore },
  });
  await addDomain(ctx, {
    name: "static.eu.example.com",
    region: "eu-west-1",
    certificateArn: await amazonCertificate(ctx, "eu-west-1", "static.eu.example.com"),
  });

  map(ctx, "api.partners.example.com", "", partnersApi);
  map(ctx, "devices.iot.example.com", "ingest", iotApi);
  map(ctx, "billing.partners.example.com", "billing", billingApi);
  map(ctx, "payments.example.com", "", paymentsApi);

  return {
    domains: Object.keys(ctx.state.domains).length,
    certificates: Object.keys(ctx.state.certificates).length,
    truststoreVersions: Object.values(ctx.state.buckets).reduce(
      (n, b) => n + Object.values(b.objects).reduce((m, v) => m + v.length, 0),
      0,
    ),
  };
}

/** `count` plain domains (for paging tests): one shared certificate and truststore. */
export async function seedBulkDomains(
  ctx: Context,
  count: number,
  region: string,
): Promise<SeedSummary> {
  const now = ctx.now();
  const bucketName = `bulk-truststores-${region}`;
  ctx.state.buckets[bucketName] ??= {
    name: bucketName,
    region,
    createdAt: now,
    versioning: "Enabled",
    objects: {},
  };
  const root = await issue({ subject: "CN=Bulk Root CA, O=Example" });
  const version = await putVersion(ctx, bucketName, "bulk.pem", root.pem, "bulk-seed", now);
  const certificateArn = await amazonCertificate(ctx, region, "*.bulk.example.test");
  const uri = `s3://${bucketName}/bulk.pem`;
  const { warnings } = await truststoreWarnings(ctx, uri, version);
  for (let i = 0; i < count; i++) {
    const name = `bulk-${String(i).padStart(5, "0")}.bulk.example.test`;
    const domain: DomainName = {
      region,
      domainName: name,
      domainNameId: randomId(10),
      regionalDomainName: `d-${randomId(10)}.execute-api.${region}.amazonaws.com`,
      regionalHostedZoneId: "Z1UJRXOUMOOFQ8",
      regionalCertificateArn: certificateArn,
      endpointType: "REGIONAL",
      securityPolicy: "TLS_1_2",
      status: "AVAILABLE",
      certificateUploadDate: epochSeconds(now),
      tags: {},
    };
    if (i % 2 === 0)
      domain.mutualTls = {
        truststoreUri: uri,
        truststoreVersion: version,
        truststoreWarnings: [...warnings],
      };
    ctx.state.domains[domainKey(region, name)] = domain;
  }
  return { domains: count, certificates: 1, truststoreVersions: 1 };
}
