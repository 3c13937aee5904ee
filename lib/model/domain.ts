/**
 * The project's own shapes for what the dashboard shows. lib/aws converts
 * SDK output into these; pages and components use only these.
 */

export const DOMAIN_STATUSES = [
  "AVAILABLE",
  "UPDATING",
  "PENDING",
  "PENDING_CERTIFICATE_REIMPORT",
  "PENDING_OWNERSHIP_VERIFICATION",
  "FAILED",
] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number] | "UNKNOWN";

export interface MtlsSettings {
  truststoreUri: string;
  /** Absent when the domain follows the latest object version. */
  truststoreVersion?: string;
  /** What API Gateway returned at the last create/update. */
  truststoreWarnings: string[];
}

/**
 * on: mutualTlsAuthentication is set; off: the backend reports it and it is
 * not; unknown: the backend never reports it (LocalStack, moto, endpoints
 * we do not know), so absence says nothing; unavailable: the endpoint type
 * cannot have mutual TLS (API Gateway supports it on REGIONAL domains only).
 */
export type MtlsState = "on" | "off" | "unknown" | "unavailable";

/** How a custom domain name finds the API a request goes to (routing rules, base path mappings, or both). */
export type RoutingMode =
  "BASE_PATH_MAPPING_ONLY" | "ROUTING_RULE_ONLY" | "ROUTING_RULE_THEN_BASE_PATH_MAPPING";

/** Whether a domain routes (also) by routing rules. */
export const routesByRules = (d: Pick<MtlsDomain, "routingMode">) =>
  d.routingMode === "ROUTING_RULE_ONLY" || d.routingMode === "ROUTING_RULE_THEN_BASE_PATH_MAPPING";

/** A routing rule of a domain: conditions, and the REST API stage it invokes. */
export interface RoutingRuleView {
  id: string;
  priority: number;
  basePaths: string[];
  headers: { header: string; valueGlob: string }[];
  apiId: string;
  stage: string;
  stripBasePath: boolean;
}

export interface MtlsDomain {
  domainName: string;
  domainNameArn?: string;
  status: DomainStatus;
  statusMessage?: string;
  endpointType: string;
  /** Absent when the backend does not report one (never filled in). */
  securityPolicy?: string;
  /** Where DNS points: the CloudFront name for EDGE, the regional name for REGIONAL. */
  dnsTarget?: string;
  mtlsState: MtlsState;
  certificateArn?: string;
  ownershipVerificationCertificateArn?: string;
  certificateUploadDate?: string;
  mtls?: MtlsSettings;
  tags: Record<string, string>;
  /** Absent: the backend does not report it (base path mappings only). */
  routingMode?: RoutingMode;
  /** endpointConfiguration.ipAddressType: ipv4 or dualstack. */
  ipAddressType?: string;
}

export interface ServerCertificate {
  arn: string;
  type: "IMPORTED" | "AMAZON_ISSUED" | "PRIVATE" | string;
  status: string;
  domainName: string;
  subjectAlternativeNames: string[];
  keyAlgorithm?: string;
  notBefore?: string;
  notAfter?: string;
  issuer?: string;
  inUseBy: string[];
}

/** A certificate's names: its subject's DNS name and its SANs. */
export const certificateNames = (
  cert: Pick<ServerCertificate, "domainName" | "subjectAlternativeNames">,
) => [cert.domainName, ...cert.subjectAlternativeNames];

/** Whether these certificate names cover `name` (exactly, or by a wildcard one label deep). */
export const namesCover = (names: string[], name: string) =>
  names.some(
    (n) => n === name || (n.startsWith("*.") && name.split(".").slice(1).join(".") === n.slice(2)),
  );

/** One S3 object version of a truststore. */
export interface TruststoreVersion {
  versionId: string;
  lastModified: string;
  size: number;
  isLatest: boolean;
  deleteMarker: boolean;
}

/** The S3 object metadata keys the dashboard writes on every truststore upload (x-amz-meta-…). */
export const TRUSTSTORE_METADATA_KEYS = {
  uploadedBy: "uploaded-by",
  sha256: "sha256",
  certificateCount: "certificate-count",
} as const;

/** What the dashboard writes as S3 object metadata on every upload. */
export interface TruststoreMetadata {
  uploadedBy?: string;
  sha256?: string;
  certificateCount?: number;
}

export interface RestApiSummary {
  id: string;
  name: string;
  disableExecuteApiEndpoint: boolean;
}

export interface BasePathMappingView {
  basePath: string;
  restApiId: string;
  stage?: string;
  api?: RestApiSummary;
}
