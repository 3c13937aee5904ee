import type { MtlsDomain } from "./domain";

/** The kinds of API a domain can serve, as its API mappings tell. */
export type ApiKind = "REST" | "HTTP" | "WEBSOCKET";

/**
 * A domain's API types: the kinds of the APIs mapped to it (none: nothing
 * mapped) and when they were read (they are kept a while), or why unknown.
 */
export type ApiTypes = { kinds: ApiKind[]; readAt?: number } | { unknown: string };

/** One row of the domains overview. */
export interface OverviewRow {
  domain: MtlsDomain;
  /** In a fleet: the place (ACCOUNT:REGION) the domain lives in. */
  place?: string;
  serverCertificateNotAfter?: string;
  serverCertificateType?: string;
  ownershipNotAfter?: string;
  warningCount: number;
  /** The soonest notAfter of the active truststore version's certificates, when read. */
  truststoreExpiry?: string;
  /** The SHA-256 fingerprints of its CAs (hex), when read (a search by fingerprint reads them). */
  caFingerprints?: string[];
  /** Their subjects, in the same order, when read (a search reads them). */
  caSubjects?: string[];
  /** The subject of the CA a search found this domain by (not by its name or S3 URI). */
  matchedCa?: string;
  /** Read for the type filter; otherwise the page streams them. */
  apiTypes?: ApiTypes;
}

/** A row's key among the rows of several places (its name alone in one place). */
export const rowKey = (row: Pick<OverviewRow, "domain" | "place">): string =>
  row.place ? `${row.place}|${row.domain.domainName}` : row.domain.domainName;
