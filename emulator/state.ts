/**
 * The emulator's state: everything AWS would hold for its services, one
 * set per account, in memory, serialisable to JSON for --state.
 */
import { z } from "zod";

import { DOMAIN_STATUSES } from "../lib/model/domain";
import {
  migrateRootMethods,
  restAuthorizerSchema,
  restResourceSchema,
} from "./apigateway/resource-schema";
import { httpAuthorizerSchema, httpRouteSchema } from "./apigatewayv2/route-schema";
import { lambdaFunctionSchema, type LambdaFunction } from "./lambda/function-schema";

export { DOMAIN_STATUSES };
export type { LambdaFunction };
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

const objectVersionSchema = z.object({
  versionId: z.string(),
  deleteMarker: z.boolean(),
  /** Base64 of the body (empty for delete markers). */
  body: z.string(),
  etag: z.string(),
  size: z.number(),
  lastModified: z.number(),
  contentType: z.string(),
  metadata: z.record(z.string(), z.string()),
});
export type ObjectVersion = z.infer<typeof objectVersionSchema>;

const bucketSchema = z.object({
  name: z.string(),
  region: z.string(),
  createdAt: z.number(),
  versioning: z.enum(["Enabled", "Suspended"]).optional(),
  /** Versions of each key, oldest first. */
  objects: z.record(z.string(), z.array(objectVersionSchema)),
});
export type Bucket = z.infer<typeof bucketSchema>;

const certificateSchema = z.object({
  arn: z.string(),
  region: z.string(),
  type: z.enum(["IMPORTED", "AMAZON_ISSUED", "PRIVATE"]),
  status: z.enum([
    "PENDING_VALIDATION",
    "ISSUED",
    "INACTIVE",
    "EXPIRED",
    "VALIDATION_TIMED_OUT",
    "REVOKED",
    "FAILED",
  ]),
  domainName: z.string(),
  subjectAlternativeNames: z.array(z.string()),
  keyAlgorithm: z.string(),
  signatureAlgorithm: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  notBefore: z.number(),
  notAfter: z.number(),
  createdAt: z.number(),
  importedAt: z.number().optional(),
  issuedAt: z.number().optional(),
  /** PENDING_VALIDATION until this time (emulator clock), then ISSUED. */
  pendingUntil: z.number().optional(),
  certificatePem: z.string(),
  chainPem: z.string().optional(),
  /** Imported certificates: their key, so the data plane can serve them. */
  privateKeyPem: z.string().optional(),
  tags: z.record(z.string(), z.string()),
});
export type Certificate = z.infer<typeof certificateSchema>;

/** How a custom domain name finds the API a request goes to. */
export const ROUTING_MODES = [
  "BASE_PATH_MAPPING_ONLY",
  "ROUTING_RULE_ONLY",
  "ROUTING_RULE_THEN_BASE_PATH_MAPPING",
] as const;

const domainSchema = z.object({
  region: z.string(),
  domainName: z.string(),
  domainNameId: z.string(),
  regionalDomainName: z.string(),
  regionalHostedZoneId: z.string(),
  regionalCertificateArn: z.string().optional(),
  regionalCertificateName: z.string().optional(),
  /** EDGE domains: the CloudFront distribution DNS points at. */
  distributionDomainName: z.string().optional(),
  endpointType: z.enum(["REGIONAL", "EDGE", "PRIVATE"]),
  securityPolicy: z.string(),
  status: z.enum(DOMAIN_STATUSES),
  statusMessage: z.string().optional(),
  updatingUntil: z.number().optional(),
  mutualTls: z
    .object({
      truststoreUri: z.string(),
      truststoreVersion: z.string().optional(),
      truststoreWarnings: z.array(z.string()),
    })
    .optional(),
  /**
   * While UPDATING: the mutual TLS the data plane still enforces (null: none),
   * as AWS keeps serving the old settings until the update has propagated.
   */
  servingMutualTls: z
    .object({ truststoreUri: z.string(), truststoreVersion: z.string().optional() })
    .nullable()
    .optional(),
  ownershipVerificationCertificateArn: z.string().optional(),
  /** How requests find their API (absent: BASE_PATH_MAPPING_ONLY). */
  routingMode: z.enum(ROUTING_MODES).optional(),
  /** endpointConfiguration.ipAddressType (absent: ipv4). */
  ipAddressType: z.enum(["ipv4", "dualstack"]).optional(),
  certificateUploadDate: z.number(),
  tags: z.record(z.string(), z.string()),
});
export type DomainName = z.infer<typeof domainSchema>;

const restApiSchema = z.preprocess(
  migrateRootMethods,
  z.object({
    region: z.string(),
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    createdDate: z.number(),
    disableExecuteApiEndpoint: z.boolean(),
    endpointTypes: z.array(z.string()),
    /** Its resources by id, the root ("/") among them, each with its methods. */
    resources: z.record(z.string(), restResourceSchema),
    authorizers: z.record(z.string(), restAuthorizerSchema).default({}),
    tags: z.record(z.string(), z.string()),
  }),
);
export type RestApi = z.infer<typeof restApiSchema>;

const routingRuleSchema = z.object({
  region: z.string(),
  domainName: z.string(),
  id: z.string(),
  priority: z.number(),
  basePaths: z.array(z.string()),
  headers: z.array(z.object({ header: z.string(), valueGlob: z.string() })),
  apiId: z.string(),
  stage: z.string(),
  stripBasePath: z.boolean(),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

const mappingSchema = z.object({
  region: z.string(),
  domainName: z.string(),
  basePath: z.string(),
  /** The API's id (a REST API, or an HTTP API when apiType is HTTP). */
  restApiId: z.string(),
  stage: z.string().optional(),
  /** Made by v2's CreateApiMapping for an HTTP API; v1 lists only REST mappings. */
  apiType: z.enum(["HTTP"]).optional(),
});
export type BasePathMapping = z.infer<typeof mappingSchema>;

const httpApiSchema = z.object({
  region: z.string(),
  apiId: z.string(),
  name: z.string(),
  createdDate: z.number(),
  disableExecuteApiEndpoint: z.boolean(),
  stages: z.array(z.string()),
  routes: z.record(z.string(), httpRouteSchema).default({}),
  authorizers: z.record(z.string(), httpAuthorizerSchema).default({}),
});
export type HttpApi = z.infer<typeof httpApiSchema>;

const stageSchema = z.object({
  region: z.string(),
  restApiId: z.string(),
  stageName: z.string(),
  deploymentId: z.string(),
  createdDate: z.number(),
  lastUpdatedDate: z.number(),
  accessLogSettings: z.object({ destinationArn: z.string(), format: z.string() }).optional(),
});
export type Stage = z.infer<typeof stageSchema>;

const logEventSchema = z.object({
  timestamp: z.number(),
  message: z.string(),
  ingested: z.number(),
});
export type LogEvent = z.infer<typeof logEventSchema>;

const logGroupSchema = z.object({
  region: z.string(),
  name: z.string(),
  createdAt: z.number(),
  retentionInDays: z.number().optional(),
  /** Events of each stream, in the order they were put. */
  streams: z.record(z.string(), z.array(logEventSchema)),
});
export type LogGroup = z.infer<typeof logGroupSchema>;

/** One account's AWS resources: every account has its own. */
export const accountStateSchema = z.object({
  buckets: z.record(z.string(), bucketSchema),
  certificates: z.record(z.string(), certificateSchema),
  domains: z.record(z.string(), domainSchema),
  restApis: z.record(z.string(), restApiSchema),
  mappings: z.record(z.string(), mappingSchema),
  stages: z.record(z.string(), stageSchema).default({}),
  httpApis: z.record(z.string(), httpApiSchema).default({}),
  routingRules: z.record(z.string(), routingRuleSchema).default({}),
  logGroups: z.record(z.string(), logGroupSchema).default({}),
  lambdaFunctions: z.record(z.string(), lambdaFunctionSchema).default({}),
});
export type AccountState = z.infer<typeof accountStateSchema>;

/** The account of requests whose access key names none (such as "test"), the seed's and the data plane's. */
export const ACCOUNT_ID = "000000000000";

/** An account other than the default one: 12 digits. */
const OTHER_ACCOUNT = /^(?!0{12}$)\d{12}$/;

/**
 * The whole state: the default account's resources at the top level, what
 * belongs to no account (the clock, the local CA, the demo's clients), and
 * every other account's resources under `accounts`.
 */
export const stateSchema = z.object({
  version: z.literal(1),
  clockOffsetMs: z.number(),
  ...accountStateSchema.shape,
  /** The emulator's own CA: it signs the data plane's server certificates (GET /_emulator/ca.pem). */
  localCa: z.object({ certPem: z.string(), keyPem: z.string() }).optional(),
  /** The demo's client certificates with their keys (GET /_emulator/demo-clients/NAME.pem), for curl. */
  demoClients: z.record(z.string(), z.string()).default({}),
  /** Accounts other than the default one, by id, each made on its first request. */
  accounts: z.record(z.string().regex(OTHER_ACCOUNT), accountStateSchema).default({}),
});
export type EmulatorState = z.infer<typeof stateSchema>;

export function emptyAccountState(): AccountState {
  return {
    buckets: {},
    certificates: {},
    domains: {},
    restApis: {},
    mappings: {},
    stages: {},
    httpApis: {},
    routingRules: {},
    logGroups: {},
    lambdaFunctions: {},
  };
}

export function emptyState(): EmulatorState {
  return { version: 1, clockOffsetMs: 0, ...emptyAccountState(), demoClients: {}, accounts: {} };
}

export const domainKey = (region: string, name: string) => `${region}|${name}`;
export const restApiKey = (region: string, id: string) => `${region}|${id}`;
export const httpApiKey = (region: string, id: string) => `${region}|${id}`;
export const mappingKey = (region: string, domain: string, basePath: string) =>
  `${region}|${domain}|${basePath}`;
export const stageKey = (region: string, restApiId: string, stage: string) =>
  `${region}|${restApiId}|${stage}`;
export const logGroupKey = (region: string, name: string) => `${region}|${name}`;
export const lambdaFunctionKey = (region: string, name: string) => `${region}|${name}`;

export function domainArn(region: string, name: string): string {
  return `arn:aws:apigateway:${region}::/domainnames/${name}`;
}

/** A random id of AWS's shape: lowercase letters and digits. */
export function randomId(length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
