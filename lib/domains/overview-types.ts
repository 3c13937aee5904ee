import type { MtlsDomain } from "./types";

/** One row of the domains overview. */
export interface OverviewRow {
  domain: MtlsDomain;
  serverCertificateNotAfter?: string;
  serverCertificateType?: string;
  ownershipNotAfter?: string;
  warningCount: number;
  /** The soonest notAfter of the active truststore version's certificates, when read. */
  truststoreExpiry?: string;
}
