/**
 * Input schemas of the server actions, beside the domain types.
 */
import { z } from "zod";

export const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Not an AWS region name.").optional();
export const domainNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, "Not a domain name.");
/** S3 version ids: URL-safe, up to 1,024 characters. */
export const versionIdSchema = z.string().min(1).max(1024).regex(/^[A-Za-z0-9._-]+$/, "Not an S3 version id.");

export const domainRefSchema = z.object({ domainName: domainNameSchema, region: regionSchema });

export const activateSchema = domainRefSchema.extend({
  versionId: versionIdSchema,
  /** The version the user saw as active; "" when none was set. */
  expectedCurrentVersion: z.string().max(1024).optional(),
});

export const uploadSchema = domainRefSchema.extend({
  /** At most 1,000,000 bytes (checked again on the bytes); a little slack for the characters count. */
  pem: z.string().min(1, "The file is empty.").max(1_000_000, "The file is over API Gateway's 1 MB quota."),
  acknowledgeWarnings: z.boolean(),
  expectedCurrentVersion: z.string().max(1024).optional(),
});

export const disableMtlsSchema = domainRefSchema.extend({
  confirmation: z.string(),
  expectedCurrentVersion: z.string().max(1024).optional(),
});

export const restApiRefSchema = z.object({
  restApiId: z.string().regex(/^[a-z0-9]{1,32}$/, "Not a REST API id."),
  region: regionSchema,
  /** The domain page it was done from, for that domain's audit history. */
  domainName: domainNameSchema.optional(),
});

export const clientCheckSchema = domainRefSchema.extend({
  clientPem: z.string().min(1, "Paste or drop a client certificate.").max(1_000_000),
});
