import type { MtlsDomain } from "./types";

/** One row of the domains overview. */
export interface OverviewRow {
  domain: MtlsDomain;
  serverCertificateNotAfter?: string;
  serverCertificateType?: string;
  ownershipNotAfter?: string;
  warningCount: number;
}
