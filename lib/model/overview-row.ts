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
export const rowKey = (row: { domain: { domainName: string }; place?: string }): string =>
  row.place ? `${row.place}|${row.domain.domainName}` : row.domain.domainName;

/**
 * A row as the table's client component gets it: only what it shows (not
 * the domain's tags, ARNs, warnings, nor the CAs a search read), so a page
 * of a hundred rows sends its data once and small.
 */
export type ShownRow = Pick<
  OverviewRow,
  | "place"
  | "serverCertificateNotAfter"
  | "ownershipNotAfter"
  | "warningCount"
  | "truststoreExpiry"
  | "apiTypes"
  | "matchedCa"
> & {
  domain: Pick<
    MtlsDomain,
    "domainName" | "status" | "endpointType" | "securityPolicy" | "mtlsState"
  > & { mtls?: { truststoreUri: string; truststoreVersion?: string } };
};

export function shownRow(row: OverviewRow): ShownRow {
  const { domainName, status, endpointType, securityPolicy, mtlsState, mtls } = row.domain;
  const shown: ShownRow = {
    domain: {
      domainName,
      status,
      endpointType,
      mtlsState,
      ...(securityPolicy !== undefined ? { securityPolicy } : {}),
      ...(mtls
        ? {
            mtls: {
              truststoreUri: mtls.truststoreUri,
              ...(mtls.truststoreVersion ? { truststoreVersion: mtls.truststoreVersion } : {}),
            },
          }
        : {}),
    },
    warningCount: row.warningCount,
  };
  for (const key of [
    "place",
    "serverCertificateNotAfter",
    "ownershipNotAfter",
    "truststoreExpiry",
    "matchedCa",
  ] as const)
    if (row[key] !== undefined) shown[key] = row[key];
  if (row.apiTypes) shown.apiTypes = row.apiTypes;
  return shown;
}

/**
 * Shown rows packed for the page's payload: a row as a list of its values in
 * a fixed order (null for what it lacks), so the keys are not repeated a
 * hundred times. `unpackShownRows` gives back the rows exactly.
 */
export type PackedShownRow = [
  name: string,
  place: string | null,
  status: ShownRow["domain"]["status"],
  endpointType: string,
  securityPolicy: string | null,
  mtlsState: ShownRow["domain"]["mtlsState"],
  truststoreUri: string | null,
  truststoreVersion: string | null,
  warningCount: number,
  serverCertificateNotAfter: string | null,
  ownershipNotAfter: string | null,
  truststoreExpiry: string | null,
  apiTypes: ApiTypes | null,
  matchedCa: string | null,
];

export const packShownRow = (r: ShownRow): PackedShownRow => [
  r.domain.domainName,
  r.place ?? null,
  r.domain.status,
  r.domain.endpointType,
  r.domain.securityPolicy ?? null,
  r.domain.mtlsState,
  r.domain.mtls?.truststoreUri ?? null,
  r.domain.mtls?.truststoreVersion ?? null,
  r.warningCount,
  r.serverCertificateNotAfter ?? null,
  r.ownershipNotAfter ?? null,
  r.truststoreExpiry ?? null,
  r.apiTypes ?? null,
  r.matchedCa ?? null,
];

export function unpackShownRow(p: PackedShownRow): ShownRow {
  const [name, place, status, endpointType, policy, mtlsState, uri, version, warnings] = p;
  const row: ShownRow = {
    domain: {
      domainName: name,
      status,
      endpointType,
      mtlsState,
      ...(policy !== null ? { securityPolicy: policy } : {}),
      ...(uri !== null
        ? {
            mtls: {
              truststoreUri: uri,
              ...(version !== null ? { truststoreVersion: version } : {}),
            },
          }
        : {}),
    },
    warningCount: warnings,
  };
  if (place !== null) row.place = place;
  if (p[9] !== null) row.serverCertificateNotAfter = p[9];
  if (p[10] !== null) row.ownershipNotAfter = p[10];
  if (p[11] !== null) row.truststoreExpiry = p[11];
  if (p[12] !== null) row.apiTypes = p[12];
  if (p[13] !== null) row.matchedCa = p[13];
  return row;
}
