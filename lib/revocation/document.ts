/**
 * A domain's revocation lists as one S3 object beside its truststore: the
 * CRLs its CAs publish and the console's deny list. One object per domain
 * (`revocation/DOMAIN.json` in the truststore's bucket, versioned), so a
 * change is one new version that can be rolled back, and the authorizer
 * reloads everything with one conditional GET.
 */
import { z } from "zod";

export const REVOCATION_FORMAT = "mtls-console-revocation/1";

/** Where the lists of a domain live in its truststore's bucket. */
export const DEFAULT_REVOCATION_PREFIX = "revocation/";
export const revocationKey = (domainName: string, prefix = DEFAULT_REVOCATION_PREFIX) =>
  `${prefix}${domainName.trim().toLowerCase().replace(/\.$/, "")}.json`;

const denyEntrySchema = z.object({
  /** The issuer's distinguished name, as the certificate (or the access log) gives it. */
  issuer: z.string().min(1).max(2048),
  /** Hex, any case, with or without colons. */
  serial: z
    .string()
    .min(1)
    .max(130)
    .regex(/^[0-9a-fA-F:\s]*[0-9a-fA-F][0-9a-fA-F:\s]*$/, "a serial is hexadecimal"),
  /** The client's subject, for people; never matched on. */
  subject: z.string().max(2048).optional(),
  reason: z.string().max(500).optional(),
  by: z.string().max(320),
  at: z.string(),
});
export type DenyListEntry = z.infer<typeof denyEntrySchema>;

const crlEntrySchema = z.object({
  /** The CRL as PEM (DER uploads are converted). */
  pem: z.string().min(1),
  issuer: z.string(),
  thisUpdate: z.string(),
  nextUpdate: z.string().optional(),
  /** How many serials it revokes, for people. */
  revokedCount: z.number().int().nonnegative(),
  addedBy: z.string().max(320),
  addedAt: z.string(),
});
export type CrlEntry = z.infer<typeof crlEntrySchema>;

export const revocationDocumentSchema = z.object({
  format: z.literal(REVOCATION_FORMAT),
  domainName: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  denied: z.array(denyEntrySchema).max(100_000),
  crls: z.array(crlEntrySchema).max(100),
});
export type RevocationDocument = z.infer<typeof revocationDocumentSchema>;

export function emptyRevocationDocument(domainName: string, by: string, at: Date) {
  return {
    format: REVOCATION_FORMAT,
    domainName: domainName.toLowerCase(),
    updatedAt: at.toISOString(),
    updatedBy: by,
    denied: [],
    crls: [],
  } satisfies RevocationDocument;
}

/** A stored document, or a plain sentence saying why it cannot be used. */
export function parseRevocationDocument(
  text: string,
): { ok: true; doc: RevocationDocument } | { ok: false; problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: "The revocation lists are not JSON." };
  }
  const parsed = revocationDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: `The revocation lists are not in the ${REVOCATION_FORMAT} format (${issue?.path.join(".") || "document"}: ${issue?.message ?? "invalid"}).`,
    };
  }
  return { ok: true, doc: parsed.data };
}
