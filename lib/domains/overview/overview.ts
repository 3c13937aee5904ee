import "server-only";
/**
 * The domains overview: every custom domain name of a region with its
 * server and ownership certificate expiry. Two listings (GetDomainNames
 * pages and ListCertificates pages), never a call per domain.
 */
import { listCertificates } from "../../aws/acm";
import { listDomainNames } from "../../aws/api-gateway";
import type { OverviewRow } from "../../model/overview-row";

export type { OverviewRow } from "../../model/overview-row";

export async function getOverview(
  region: string,
): Promise<{ rows: OverviewRow[]; evaluatedAt: number }> {
  const [domains, certificates] = await Promise.all([
    listDomainNames(region),
    listCertificates(region),
  ]);
  const byArn = new Map(certificates.map((c) => [c.arn, c]));
  const rows = domains.map((domain) => {
    const server = domain.certificateArn ? byArn.get(domain.certificateArn) : undefined;
    const owner = domain.ownershipVerificationCertificateArn
      ? byArn.get(domain.ownershipVerificationCertificateArn)
      : undefined;
    const row: OverviewRow = { domain, warningCount: domain.mtls?.truststoreWarnings.length ?? 0 };
    if (server?.notAfter) row.serverCertificateNotAfter = server.notAfter;
    if (server?.type) row.serverCertificateType = server.type;
    if (owner?.notAfter) row.ownershipNotAfter = owner.notAfter;
    return row;
  });
  return { rows, evaluatedAt: Date.now() };
}

/** Regions offered by the switcher (the backend's default is added when missing). */
export const REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "sa-east-1",
];
