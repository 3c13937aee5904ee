import "server-only";
/**
 * Everything the domain page shows, composed from API Gateway, ACM and S3.
 */
import { describeCertificate } from "../aws/acm";
import { getBasePathMappings, getDomainName, getRestApi } from "../aws/api-gateway";
import { parseS3Uri } from "../aws/s3";
import { AwsFailure } from "../aws/errors";
import { getBackend } from "../aws/config";
import { listAuditEvents, type AuditEvent } from "../auth/audit";
import { versionHistory, type CheckedVersion, type VersionSummary } from "./truststores";
import type { BasePathMappingView, MtlsDomain, ServerCertificate } from "./types";

export interface TruststoreView {
  uri: string;
  bucket: string;
  key: string;
  activeVersionId?: string;
  active?: CheckedVersion;
  versions: VersionSummary[];
  truncated: boolean;
  /** Why the versions could not be read, when they could not. */
  problem?: string;
}

export interface DomainDetail {
  domain: MtlsDomain;
  serverCertificate: ServerCertificate | null;
  ownershipCertificate: ServerCertificate | null;
  truststore?: TruststoreView;
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
    if (!location) {
      detail.truststore = {
        uri: domain.mtls.truststoreUri,
        bucket: "",
        key: "",
        versions: [],
        truncated: false,
        problem: "The truststore URI is not of the form s3://bucket/key.",
      };
    } else {
      const view: TruststoreView = {
        uri: domain.mtls.truststoreUri,
        ...location,
        versions: [],
        truncated: false,
      };
      if (domain.mtls.truststoreVersion) view.activeVersionId = domain.mtls.truststoreVersion;
      try {
        const history = await versionHistory(location, domain.mtls.truststoreVersion, region);
        view.versions = history.versions;
        view.truncated = history.truncated;
        if (history.active) {
          view.active = history.active;
          view.activeVersionId ??= history.active.versionId;
        }
      } catch (error) {
        view.problem =
          error instanceof AwsFailure ? error.message : "The truststore could not be read from S3.";
      }
      detail.truststore = view;
    }
  }
  return detail;
}
