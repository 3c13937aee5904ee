/**
 * Input schemas of the revocation actions.
 */
import { z } from "zod";
import { domainRefSchema, versionIdSchema } from "./schemas";

/** The lists' version the user saw ("" when the domain had none): every change carries it. */
const expectedListsVersion = z
  .string({ error: "The lists' version you saw is missing: reload the page and try again." })
  .max(1024);

const dn = z.string().trim().min(1, "The issuer is missing.").max(2048);
const clientSchema = z.object({
  issuer: dn,
  serial: z
    .string()
    .trim()
    .min(1, "The serial is missing.")
    .max(130)
    .regex(/^[0-9a-fA-F:\s]*[0-9a-fA-F][0-9a-fA-F:\s]*$/, "A serial number is hexadecimal."),
  subject: z.string().trim().max(2048).optional(),
});

export const revokeClientSchema = domainRefSchema.extend({
  client: clientSchema,
  reason: z.string().trim().max(500).optional(),
  /** The client's name, typed. */
  confirmation: z.string().max(2048),
  expectedListsVersion,
});

export const liftRevocationSchema = domainRefSchema.extend({
  client: clientSchema,
  expectedListsVersion,
});

/** A CRL as PEM text, or DER as base64 (a file the browser read). */
export const addCrlSchema = domainRefSchema.extend({
  crl: z.string().min(1, "The CRL is empty.").max(1_400_000, "The CRL is over 1 MB."),
  encoding: z.enum(["pem", "der-base64"]),
  expectedListsVersion,
});

export const removeCrlSchema = domainRefSchema.extend({ issuer: dn, expectedListsVersion });

export const restoreListsSchema = domainRefSchema.extend({
  versionId: versionIdSchema,
  expectedListsVersion,
});
