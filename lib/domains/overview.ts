import "server-only";
/**
 * The domains overview: every custom domain name of a region.
 */
import { listDomainNames } from "../aws/api-gateway";
import type { MtlsDomain } from "./types";

export async function listDomains(region?: string): Promise<MtlsDomain[]> {
  return listDomainNames(region);
}
