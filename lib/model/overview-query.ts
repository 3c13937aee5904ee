/**
 * The overview's view, from the URL: search, status, filters, sort and
 * page, parsed strictly (anything unknown falls back to the default), and
 * applied on the server, so a view can be shared as a link and only one
 * page of rows is sent.
 */
import { daysUntil } from "./expiry-band";
import type { ApiKind, ApiTypes, OverviewRow } from "./overview-row";
import { caMatchOf } from "./ca-search";
import { DOMAIN_STATUSES, type DomainStatus } from "./domain";

export const OVERVIEW_PAGE_SIZE = 100;
export const SORT_KEYS = ["name", "status", "expiry", "truststore-expiry", "warnings"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** The type filter: domains with a mapping to an API of this kind, or with none. */
export const API_TYPE_FILTERS = ["REST", "HTTP", "WEBSOCKET", "NONE"] as const;
export type ApiTypeFilter = (typeof API_TYPE_FILTERS)[number];

export interface OverviewQuery {
  q: string;
  status: DomainStatus | "ALL";
  warnings: boolean;
  /** Server or ownership certificate expiring within 30 days. */
  expiring: boolean;
  /** A truststore certificate of the active version expiring within this many days. */
  truststoreDays?: number;
  type: ApiTypeFilter | "ALL";
  /** Mutual TLS on, off (not on: off, unknown or unavailable), or either. */
  mtls: "on" | "off" | "ALL";
  sort: SortKey;
  descending: boolean;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseOverviewQuery(params: Params): OverviewQuery {
  const status = one(params.status);
  const type = one(params.type);
  const sort = one(params.sort);
  const days = Number(one(params.truststoreDays));
  const page = Number(one(params.page));
  return {
    q: (one(params.q) ?? "").slice(0, 253),
    status: (DOMAIN_STATUSES as readonly string[]).includes(status ?? "")
      ? (status as DomainStatus)
      : "ALL",
    warnings: one(params.warnings) === "1",
    expiring: one(params.expiring) === "1",
    ...(Number.isInteger(days) && days > 0 && days <= 3650 ? { truststoreDays: days } : {}),
    type: API_TYPE_FILTERS.includes(type as ApiTypeFilter) ? (type as ApiTypeFilter) : "ALL",
    mtls: one(params.mtls) === "on" ? "on" : one(params.mtls) === "off" ? "off" : "ALL",
    sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : "name",
    descending: one(params.order) === "desc",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** A fleet account as pages see it (never its role ARNs or external id). */
export interface FleetAccountChoice {
  id: string;
  label: string;
  regions: string[];
}

/** A fleet's accounts and regions, and the overview's account and region filters (absent: all). */
export interface FleetChoices {
  accounts: FleetAccountChoice[];
  /** Every region of any account, sorted. */
  regions: string[];
  account?: string;
  region?: string;
}

/** "every account and region", "prod (111111111111) in eu-west-1"… for headings and empty states. */
export function fleetScopeLabel(fleet: FleetChoices): string {
  const account = fleet.accounts.find((a) => a.id === fleet.account);
  const who = account ? `${account.label} (${account.id})` : "every account";
  return fleet.region ? `${who} in ${fleet.region}` : `${who}, every region`;
}

/**
 * The URL search parameters of a view (defaults left out), for links and
 * the controls: of one region, or of a fleet's account and region filters
 * (`account`, `in`).
 */
export function overviewSearch(
  query: OverviewQuery,
  scope: string | Pick<FleetChoices, "account" | "region">,
): string {
  const p = new URLSearchParams();
  if (typeof scope === "string") p.set("region", scope);
  else {
    if (scope.account) p.set("account", scope.account);
    if (scope.region) p.set("in", scope.region);
  }
  if (query.q) p.set("q", query.q);
  if (query.status !== "ALL") p.set("status", query.status);
  if (query.warnings) p.set("warnings", "1");
  if (query.expiring) p.set("expiring", "1");
  if (query.truststoreDays) p.set("truststoreDays", String(query.truststoreDays));
  if (query.type !== "ALL") p.set("type", query.type);
  if (query.mtls !== "ALL") p.set("mtls", query.mtls);
  if (query.sort !== "name") p.set("sort", query.sort);
  if (query.descending) p.set("order", "desc");
  if (query.page > 1) p.set("page", String(query.page));
  return `?${p.toString()}`;
}

export function soonestCertificateExpiry(row: OverviewRow): string | undefined {
  return [row.serverCertificateNotAfter, row.ownershipNotAfter]
    .filter((x): x is string => !!x)
    .sort()[0];
}

export interface OverviewPage {
  rows: OverviewRow[];
  /** Rows that pass the filters. */
  matching: number;
  total: number;
  page: number;
  pages: number;
}

/** A place of a fleet whose domains could not be read, and why (fixed words, never AWS's). */
export interface PlaceFailure {
  place: string;
  message: string;
}

/** A page as the overview shows it. */
export interface OverviewPageView extends OverviewPage {
  /** In a fleet: the places that could not be read (the others are shown all the same). */
  failures: PlaceFailure[];
  evaluatedAt: number;
  /** The shown rows' API types that the rows do not carry yet, by domain name; never rejects. */
  apiTypes: Promise<Record<string, ApiTypes>>;
  /** Type filter: domains whose types are still being read (left out until read). */
  typesPending: number;
  /** Type filter: domains whose types could not be known (left out), with one reason. */
  typesUnknown: { count: number; reason?: string };
}

/** Whether a domain's API types pass the type filter (unknown types never do). */
function matchesApiType(types: ApiTypes | undefined, filter: ApiKind | "NONE"): boolean {
  if (!types || !("kinds" in types)) return false;
  return filter === "NONE" ? types.kinds.length === 0 : types.kinds.includes(filter);
}

/** Whether the search names the domain itself (its name or its truststore's S3 URI). */
export function namesDomain(r: OverviewRow, search: string): boolean {
  const q = search.trim().toLowerCase();
  return (
    r.domain.domainName.toLowerCase().includes(q) ||
    !!r.domain.mtls?.truststoreUri.toLowerCase().includes(q)
  );
}

/** The search matches its name, its truststore's S3 URI, or one of its CAs (subject or fingerprint). */
function matchesSearch(r: OverviewRow, search: string): boolean {
  if (!search.trim()) return true;
  return namesDomain(r, search) || caMatchOf(r, search) !== undefined;
}

/** Whether a row passes the view's filters (its type only when `byType`). */
export function matchesOverviewFilters(
  r: OverviewRow,
  query: OverviewQuery,
  now: number,
  byType = true,
): boolean {
  if (!matchesSearch(r, query.q)) return false;
  if (query.status !== "ALL" && r.domain.status !== query.status) return false;
  if (query.warnings && r.warningCount === 0) return false;
  if (query.mtls === "on" && !r.domain.mtls) return false;
  if (query.mtls === "off" && r.domain.mtls) return false;
  if (query.expiring) {
    const soonest = soonestCertificateExpiry(r);
    if (!soonest || daysUntil(soonest, now) > 30) return false;
  }
  if (query.truststoreDays !== undefined) {
    if (!r.truststoreExpiry || daysUntil(r.truststoreExpiry, now) > query.truststoreDays)
      return false;
  }
  if (byType && query.type !== "ALL" && !matchesApiType(r.apiTypes, query.type)) return false;
  return true;
}

/** Filters, sorts and pages the rows (each with its truststore expiry and API types when known). */
export function applyOverviewQuery(
  rows: OverviewRow[],
  query: OverviewQuery,
  now: number,
  /** Infinity: every matching row on one page (an export). */
  pageSize = OVERVIEW_PAGE_SIZE,
): OverviewPage {
  const matching = rows.filter((r) => matchesOverviewFilters(r, query, now));
  const value = (r: OverviewRow): string | number => {
    switch (query.sort) {
      case "status":
        return r.domain.status;
      case "expiry":
        return soonestCertificateExpiry(r) ?? "9999";
      case "truststore-expiry":
        return r.truststoreExpiry ?? "9999";
      case "warnings":
        return r.warningCount;
      default:
        return r.domain.domainName;
    }
  };
  matching.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c =
      typeof va === "number" && typeof vb === "number"
        ? va - vb
        : String(va).localeCompare(String(vb));
    return (
      (query.descending ? -c : c) ||
      a.domain.domainName.localeCompare(b.domain.domainName) ||
      (a.place ?? "").localeCompare(b.place ?? "")
    );
  });
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(query.page, pages);
  return {
    rows: matching.slice((page - 1) * pageSize, page * pageSize),
    matching: matching.length,
    total: rows.length,
    page,
    pages,
  };
}
