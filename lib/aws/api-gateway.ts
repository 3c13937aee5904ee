import "server-only";
/**
 * API Gateway: custom domain names, reshaped into the project's types.
 */
import { GetDomainNamesCommand, type DomainName } from "@aws-sdk/client-api-gateway";
import { DOMAIN_STATUSES, type DomainStatus, type MtlsDomain } from "../domains/types";
import { getClients } from "./config";
import { awsCall } from "./errors";

export function toMtlsDomain(d: DomainName): MtlsDomain {
  const status = DOMAIN_STATUSES.includes(d.domainNameStatus as (typeof DOMAIN_STATUSES)[number]) ? (d.domainNameStatus as DomainStatus) : "UNKNOWN";
  const domain: MtlsDomain = {
    domainName: d.domainName ?? "",
    status,
    endpointType: d.endpointConfiguration?.types?.[0] ?? "EDGE",
    securityPolicy: d.securityPolicy ?? "TLS_1_0",
    tags: d.tags ?? {},
  };
  if (d.domainNameArn) domain.domainNameArn = d.domainNameArn;
  if (d.domainNameStatusMessage) domain.statusMessage = d.domainNameStatusMessage;
  if (d.regionalDomainName) domain.regionalDomainName = d.regionalDomainName;
  const certificateArn = d.regionalCertificateArn ?? d.certificateArn;
  if (certificateArn) domain.certificateArn = certificateArn;
  if (d.ownershipVerificationCertificateArn) domain.ownershipVerificationCertificateArn = d.ownershipVerificationCertificateArn;
  if (d.certificateUploadDate) domain.certificateUploadDate = d.certificateUploadDate.toISOString();
  const m = d.mutualTlsAuthentication;
  if (m?.truststoreUri) {
    domain.mtls = { truststoreUri: m.truststoreUri, truststoreWarnings: m.truststoreWarnings ?? [] };
    if (m.truststoreVersion) domain.mtls.truststoreVersion = m.truststoreVersion;
  }
  return domain;
}

/** Every custom domain name of a region, 500 a page (the API's maximum). */
export async function listDomainNames(region?: string): Promise<MtlsDomain[]> {
  const { apiGateway } = await getClients(region);
  const out: MtlsDomain[] = [];
  let position: string | undefined;
  do {
    const page = await awsCall("list the custom domain names", () => apiGateway.send(new GetDomainNamesCommand({ limit: 500, position })));
    out.push(...(page.items ?? []).map(toMtlsDomain));
    position = page.position;
  } while (position);
  return out;
}
