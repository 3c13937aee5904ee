import "server-only";
/**
 * What the pages read, as plain results: pages never touch lib/aws. AWS
 * failures arrive here as fixed messages; the region of a page comes from
 * its URL only when it is a region the dashboard knows.
 */
import { getCapabilities, type Capabilities } from "../../aws/capabilities";
import { isKnownRegion } from "../../aws/regions";
import { fleetAccounts } from "../../aws/accounts";
import { resolveRegion } from "../../aws/config";
import type { Role } from "../../model/roles";
import {
  listAuditPage,
  listRefusals,
  verifyAuditTrail,
  type AuditEvent,
  type AuditPage,
  type ChainReport,
} from "../../records/audit";
import { domainsInDoubt } from "../../records/intents";
import { activeSessions, type SessionRecord } from "../../auth/sessions";
import { changeBlocked, type ChangeBlock } from "../changes/change-blocked";
import { getDomainDetail, type DomainDetail } from "./detail";
import { readPart, type Loaded } from "../shared/loaded";
import { getOverview, REGIONS, type OverviewRow } from "../overview/overview";
import { overviewPage } from "../overview/overview-page";
import type { OverviewPageView, OverviewQuery } from "../../model/overview-query";

/** The regions the overview's switcher offers, with the shown one first when it is not among them. */
export function regionChoices(region: string): string[] {
  return REGIONS.includes(region) ? REGIONS : [region, ...REGIONS];
}

export type { Capabilities } from "../../aws/capabilities";

/** A region from the URL that the dashboard knows. */
export function isRegion(value: string | undefined): value is string {
  return isKnownRegion(value);
}

/** The region a page shows: the URL's when known, else the backend's default. */
export async function pageRegion(asked: string | undefined): Promise<string> {
  return resolveRegion(asked);
}

/**
 * A domain's place from its page's URL. In a fleet the URL must name one
 * the console manages: null otherwise (the page is a 404), never another
 * account's domain of the same name. With one account, as pageRegion.
 */
export async function domainPlace(asked: string | undefined): Promise<string | null> {
  if (fleetAccounts() && !isKnownRegion(asked)) return null;
  return resolveRegion(asked);
}

export type { Loaded } from "../shared/loaded";

/** One page of the overview, as the URL's view asks for it. */
export function overviewView(
  places: string[],
  query: OverviewQuery,
): Promise<Loaded<OverviewPageView>> {
  return readPart(() => overviewPage(places, query), "the custom domain names");
}

export interface AuditView {
  page: AuditPage;
  refusals: AuditEvent[];
  chain: ChainReport;
}

/** The domain page's audit trail: a page of changes (`after`: a cursor from the URL), refused attempts apart, and whether the chain is whole. */
export function auditView(
  domainName: string,
  region: string,
  after?: string,
): Promise<Loaded<AuditView>> {
  return readPart(async () => {
    const [page, refusals, chain] = await Promise.all([
      listAuditPage(domainName, region, 50, after),
      listRefusals(domainName, region, 20),
      verifyAuditTrail(domainName, region),
    ]);
    return { page, refusals, chain };
  }, "the audit trail");
}

/** The dashboard's open sessions (the operators' sessions page). */
export function sessionsView(): Promise<Loaded<SessionRecord[]>> {
  return readPart(() => activeSessions(), "the sessions");
}

/** The domains with changes in doubt, in every region (the overview's notice). */
export function inDoubtView(): Promise<Loaded<Awaited<ReturnType<typeof domainsInDoubt>>>> {
  return readPart(() => domainsInDoubt(), "the changes in doubt");
}

/** Every domain of a region (the inspect page's list). */
export function domainsView(
  region: string,
): Promise<Loaded<{ rows: OverviewRow[]; evaluatedAt: number }>> {
  return readPart(() => getOverview(region), "the custom domain names");
}

export interface DomainPageView {
  detail: DomainDetail;
  capabilities: Capabilities;
  /** Why this user cannot change this domain now, if so. */
  blocked: ChangeBlock | null;
}

/** The domain page's data; `null` value: no such domain. `openUri`: a truststore opened by its S3 URI. */
export function domainPageView(
  domainName: string,
  region: string,
  role: Role,
  openUri?: string,
): Promise<Loaded<DomainPageView | null>> {
  return readPart(async () => {
    const [detail, capabilities] = await Promise.all([
      getDomainDetail(domainName, region, openUri),
      getCapabilities(),
    ]);
    if (!detail) return null;
    return {
      detail,
      capabilities,
      blocked: changeBlocked(detail.domain, capabilities, role),
    };
  }, "the custom domain name");
}
