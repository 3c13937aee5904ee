/**
 * For the authorizer's tests: revocation lists in the stored format
 * (lib/revocation/document.ts), written to S3 the way the console writes
 * them, and a made certificate as API Gateway would present it.
 */
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import {
  REVOCATION_FORMAT,
  revocationKey,
  type CrlEntry,
  type DenyListEntry,
  type RevocationDocument,
} from "../lib/revocation/document";
import type { PresentedCert } from "./documented-events";

/** A made certificate (lib/pki/generate.ts's Issued), as far as the tests need it. */
export interface MadeCert {
  pem: string;
  cert: { subject: string; issuer: string; serialNumber: string };
}

export const presented = (made: MadeCert): PresentedCert => ({
  pem: made.pem,
  subjectDN: made.cert.subject,
  issuerDN: made.cert.issuer,
  serialNumber: made.cert.serialNumber,
});

export const denyEntry = (made: MadeCert, reason = "lost laptop"): DenyListEntry => ({
  issuer: made.cert.issuer,
  serial: made.cert.serialNumber,
  subject: made.cert.subject,
  reason,
  by: "operator@example.com",
  at: new Date().toISOString(),
});

export const crlEntry = (
  pem: string,
  crl: { issuer: string; thisUpdate: Date; nextUpdate?: Date },
): CrlEntry => ({
  pem,
  issuer: crl.issuer,
  thisUpdate: crl.thisUpdate.toISOString(),
  ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.toISOString() } : {}),
  revokedCount: 1,
  addedBy: "operator@example.com",
  addedAt: new Date().toISOString(),
});

export function listsDocument(
  domainName: string,
  lists: { denied?: DenyListEntry[]; crls?: CrlEntry[] } = {},
): RevocationDocument {
  return {
    format: REVOCATION_FORMAT,
    domainName,
    updatedAt: new Date().toISOString(),
    updatedBy: "operator@example.com",
    denied: lists.denied ?? [],
    crls: lists.crls ?? [],
  };
}

/** Writes a domain's lists (or any text in their place); returns the ETag. */
export async function putLists(
  s3: S3Client,
  bucket: string,
  domainName: string,
  body: RevocationDocument | string,
): Promise<string> {
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: revocationKey(domainName),
      Body: typeof body === "string" ? body : JSON.stringify(body),
      ContentType: "application/json",
    }),
  );
  return put.ETag ?? "";
}
