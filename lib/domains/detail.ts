import "server-only";
/**
 * Everything the domain page shows, composed from API Gateway, ACM and S3.
 */
import { describeCertificate } from "../aws/acm";
import { getBasePathMappings, getDomainName, getRestApi } from "../aws/api-gateway";
import { parseS3Uri, type S3Location } from "../aws/s3";
import { AwsFailure } from "../aws/errors";
import { getBackend } from "../aws/config";
import { listAuditEvents, type AuditEvent } from "../auth/audit";
import type { BasePathMappingView, MtlsDomain, ServerCertificate } from "./types";

/** Where the domain's truststore is; its versions are read separately (./truststore-view.ts) and stream in. */
export interface TruststoreRef {
  uri: string;
  location: S3Location | null;
  /** The version the domain is pinned to; none: it follows the latest object. */
  pinnedVersionId?: string;
  /** Why the truststore cannot be read, when that is known already. */
  problem?: string;
}

export interface DomainDetail {
  domain: MtlsDomain;
  serverCertificate: ServerCertificate | null;
  ownershipCertificate: ServerCertificate | null;
  truststore?: TruststoreRef;
  mappings: BasePathMappingView[];
  /** The time everything was evaluated at (ms since the epoch). */
  evaluatedAt: number;
  /** The audit trail of this domain, newest first. */
  history: AuditEvent[];
  historyProblem?: string;
}

export async function getDomainDetail(name: string, region?: string): Promise<DomainDetail | null> {
  const domain = await getDomainName(name, region);
  if (!domain) return null;
  const [serverCertificate, ownershipCertificate, mappings] = await Promise.all([
    domain.certificateArn
      ? describeCertificate(domain.certificateArn, region)
      : Promise.resolve(null),
    domain.ownershipVerificationCertificateArn
      ? describeCertificate(domain.ownershipVerificationCertificateArn, region)
      : Promise.resolve(null),
    getBasePathMappings(name, region),
  ]);
  const apis = await Promise.all(
    [...new Set(mappings.map((m) => m.restApiId))].map((id) => getRestApi(id, region)),
  );
  for (const m of mappings) {
    const api = apis.find((a) => a?.id === m.restApiId);
    if (api) m.api = api;
  }
  const detail: DomainDetail = {
    domain,
    serverCertificate,
    ownershipCertificate,
    mappings,
    evaluatedAt: Date.now(),
    history: [],
  };
  try {
    detail.history = await listAuditEvents(name, region ?? (await getBackend()).defaultRegion);
  } catch (error) {
    detail.historyProblem = error instanceof AwsFailure ? error.message : (error as Error).message;
  }
  if (domain.mtls) {
    const location = parseS3Uri(domain.mtls.truststoreUri);
    detail.truststore = { uri: domain.mtls.truststoreUri, location };
    if (domain.mtls.truststoreVersion)
      detail.truststore.pinnedVersionId = domain.mtls.truststoreVersion;
    if (!location)
      detail.truststore.problem = "The truststore URI is not of the form s3://bucket/key.";
  }
  return detail;
}
