import "server-only";
/**
 * Reading a domain's revocation lists: where they live (beside the
 * truststore, in its bucket), the version in force and its history. A
 * domain with none yet has empty lists at version "".
 */
import { listObjectVersions, parseS3Uri, type S3Location } from "../../aws/s3";
import { readRevocationObject } from "../../aws/revocation-objects";
import {
  emptyRevocationDocument,
  parseRevocationDocument,
  revocationKey,
  type RevocationDocument,
} from "../../revocation/document";
import type { MtlsDomain, TruststoreVersion } from "../../model/domain";
import { requireMtlsDomain } from "../shared/domain-lookup";
import { DomainError } from "../shared/errors";

export interface RevocationLists {
  location: S3Location;
  /** The version in force ("" when the domain has no lists yet). */
  versionId: string;
  /** Its ETag (null when there are no lists yet): writes are conditional on it. */
  etag: string | null;
  doc: RevocationDocument;
}

/** The lists' object for a domain whose truststore is at `truststore`. */
export const listsLocation = (domainName: string, truststore: S3Location): S3Location => ({
  bucket: truststore.bucket,
  key: revocationKey(domainName),
});

/** The lists at a location (a version of them when asked); a DomainError when stored but unusable. */
export async function readListsAt(
  domainName: string,
  location: S3Location,
  region: string,
  versionId?: string,
): Promise<RevocationLists> {
  const stored = await readRevocationObject(location, region, versionId);
  if (!stored) {
    if (versionId)
      throw new DomainError("version-missing", `Version ${versionId} of the lists does not exist.`);
    return {
      location,
      versionId: "",
      etag: null,
      doc: emptyRevocationDocument(domainName, "", new Date(0)),
    };
  }
  const parsed = parseRevocationDocument(stored.text);
  if (!parsed.ok)
    throw new DomainError(
      "truststore-refused",
      `${parsed.problem} The object s3://${location.bucket}/${location.key} was not written by this console, or was damaged; restore an earlier version from the history.`,
    );
  return { location, versionId: stored.versionId, etag: stored.etag, doc: parsed.doc };
}

/**
 * Wildcard custom domain names have no lists: the authorizer sees the host
 * a client called (a.example.com), never the wildcard name, so lists kept
 * under the wildcard would never be found and the domain would be locked out.
 */
export function requireNamedDomain(domainName: string): void {
  if (domainName.includes("*"))
    throw new DomainError(
      "unsupported",
      `Revocation lists are kept per host name, and ${domainName} is a wildcard: the revocation authorizer looks its lists up by the host each client calls. Revocation is not supported on wildcard custom domain names.`,
    );
}

/** Where a domain (read already, mutual TLS on) keeps its lists. */
export function listsOf(domain: MtlsDomain): S3Location {
  requireNamedDomain(domain.domainName);
  const truststore = domain.mtls ? parseS3Uri(domain.mtls.truststoreUri) : null;
  if (!truststore)
    throw new DomainError(
      "mtls-off",
      `Mutual TLS is not enabled on ${domain.domainName}, so it has no truststore for revocation lists to sit beside.`,
    );
  return listsLocation(domain.domainName, truststore);
}

/** A domain's lists in force (mutual TLS must be on: the lists live beside its truststore). */
export async function readRevocationLists(
  domainName: string,
  region: string,
): Promise<RevocationLists> {
  requireNamedDomain(domainName);
  const { domain } = await requireMtlsDomain({ domainName, region });
  return readListsAt(domainName, listsOf(domain), region);
}

/** The lists of a domain already read (no second GetDomainName). */
export const readListsOf = (domain: MtlsDomain, region: string) =>
  readListsAt(domain.domainName, listsOf(domain), region);

/** The lists' versions, newest first. */
export async function revocationHistoryOf(
  domain: MtlsDomain,
  region: string,
): Promise<TruststoreVersion[]> {
  return listObjectVersions(listsOf(domain), region);
}
