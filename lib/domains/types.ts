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

export interface MtlsDomain {
  domainName: string;
  domainNameArn?: string;
  status: DomainStatus;
  statusMessage?: string;
  endpointType: string;
  securityPolicy: string;
  regionalDomainName?: string;
  certificateArn?: string;
  ownershipVerificationCertificateArn?: string;
  certificateUploadDate?: string;
  mtls?: MtlsSettings;
  tags: Record<string, string>;
}
