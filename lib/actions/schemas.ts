/**
 * Input schemas of the server actions, beside the domain types.
 */
import { z } from "zod";
import { isKnownRegion } from "../aws/regions";
import { RETENTION_DAYS } from "../model/access-log-format";

export const regionSchema = z
  .string()
  .max(32)
  .refine(isKnownRegion, "Not an AWS region this dashboard knows.")
  .optional();
export const domainNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, "Not a domain name.");
/** S3 version ids: URL-safe, up to 1,024 characters. */
export const versionIdSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9._-]+$/, "Not an S3 version id.");

export const domainRefSchema = z.object({ domainName: domainNameSchema, region: regionSchema });

/** The version the user saw as active ("" when none was set): every change carries it. */
const expectedCurrentVersion = z
  .string({ error: "The version you saw is missing: reload the page and try again." })
  .max(1024);
/** The domain name, typed, when a change would refuse clients that connect today. */
const lockoutConfirmation = z.string().max(253).optional();

export const activateSchema = domainRefSchema.extend({
  versionId: versionIdSchema,
  expectedCurrentVersion,
  confirmation: lockoutConfirmation,
});

export const uploadSchema = domainRefSchema.extend({
  /** At most 1,000,000 bytes (checked again on the bytes); a little slack for the characters count. */
  pem: z
    .string()
    .min(1, "The file is empty.")
    .max(1_000_000, "The file is over API Gateway's 1 MB quota."),
  acknowledgeWarnings: z.boolean(),
  expectedCurrentVersion,
  confirmation: lockoutConfirmation,
});

export const disableMtlsSchema = domainRefSchema.extend({
  confirmation: z.string().max(253),
  expectedCurrentVersion,
});

/** A truststore named to enable mutual TLS with (checked again on the server: lib/domains/changes/mtls-prerequisites.ts). */
const enableTruststoreUri = z
  .string()
  .trim()
  .min(1, "Give the truststore's S3 URI.")
  .max(1100)
  .regex(/^s3:\/\/[^/]+\/.+/, "Not an S3 URI: it looks like s3://bucket-name/path/truststore.pem.");

/** The enable dialog's check: the truststore named, a version once one is picked. */
export const enableMtlsCheckSchema = domainRefSchema.extend({
  truststoreUri: enableTruststoreUri,
  truststoreVersion: versionIdSchema.optional(),
});

/** Turning mutual TLS on: the exact version, mTLS off as the user saw it, the domain name typed. */
export const enableMtlsSchema = domainRefSchema.extend({
  truststoreUri: enableTruststoreUri,
  truststoreVersion: versionIdSchema,
  expectedState: z.literal("off", {
    error: "The state you saw is missing: reload the page and try again.",
  }),
  confirmation: z.string().max(253),
});

export const restApiRefSchema = z.object({
  restApiId: z.string().regex(/^[a-z0-9]{1,32}$/, "Not a REST API id."),
  region: regionSchema,
  /** The domain the REST API is mapped to: only a mapped API's endpoint can be changed from its page. */
  domainName: domainNameSchema,
});

export const clientCheckSchema = domainRefSchema.extend({
  clientPem: z.string().min(1, "Paste or drop a client certificate.").max(1_000_000),
});

/** A truststore opened by its S3 URI, where the backend does not report the domain's (checked in lib/domains/versions/readable-truststore.ts). */
const truststoreUri = z.string().max(1100).optional();

export const compareSchema = domainRefSchema.extend({ versionId: versionIdSchema, truststoreUri });

export const certificateRefSchema = domainRefSchema.extend({
  versionId: versionIdSchema,
  truststoreUri,
  index: z.number().int().min(0).max(999),
});

/** A stage mapped to the domain, and its access log format as the user saw it ("" for none). */
/** Breaking the very lock the page showed. */
/** An ACM certificate ARN (any partition). */
export const acmArnSchema = z
  .string()
  .max(2048)
  .regex(
    /^arn:aws[\w-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]{1,128}$/,
    "Not an ACM certificate ARN.",
  );
export const ownershipReplacementSchema = domainRefSchema.extend({
  certificateArn: acmArnSchema,
  /** The ownership certificate the page showed ("" for none). */
  expectedCurrent: z.union([z.literal(""), acmArnSchema]),
});

export const breakLockSchema = domainRefSchema.extend({ nonce: z.string().uuid("Not a lock id.") });

/** Settling a change in doubt, with what the operator found. */
export const resolveInDoubtSchema = domainRefSchema.extend({
  intentId: z.string().uuid("Not a change id."),
  note: z.string().trim().max(500).optional(),
});

export const stageLoggingSchema = domainRefSchema.extend({
  restApiId: z.string().regex(/^[a-z0-9]{1,32}$/, "Not an API id."),
  /** A stage of an HTTP API (API Gateway v2). */
  http: z.boolean().optional(),
  stageName: z.string().regex(/^(\$default|[A-Za-z0-9_-]{1,128})$/, "Not a stage name."),
  expectedFormat: z
    .string({ error: "The format you saw is missing: reload the page and try again." })
    .max(10_000),
  /** The retention of a log group the change creates (days); 90 unless the operator picks another. */
  retentionDays: z
    .number()
    .refine((d) => (RETENTION_DAYS as readonly number[]).includes(d), "Not a retention offered.")
    .default(90),
});

/** A new mTLS domain as the form describes it (every prerequisite is checked again on the server). */
export const domainPlanSchema = z.object({
  region: regionSchema,
  domainName: z.string().min(1, "Name the domain.").max(253),
  certificateArn: z.string().max(2048).optional(),
  ownershipCertificateArn: z.string().max(2048).optional(),
  truststoreUri: z.string().min(1, "Give the truststore's S3 URI.").max(1100),
  truststoreVersion: versionIdSchema.optional(),
  pem: z.string().max(1_000_000, "The file is over API Gateway's 1 MB quota.").optional(),
  restApiId: z
    .string()
    .regex(/^[a-z0-9]{1,32}$/, "Not a REST API id.")
    .optional(),
  stage: z
    .string()
    .regex(/^(\$default|[A-Za-z0-9_-]{1,128})$/, "Not a stage name.")
    .optional(),
  basePath: z
    .string()
    .regex(/^[A-Za-z0-9._~/-]{0,128}$/, "Not a base path.")
    .optional(),
});
