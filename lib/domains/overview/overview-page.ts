import "server-only";
/**
 * One page of the overview, as the URL asks for it: the listing (two AWS
 * listings, never a call per domain), filtered, sorted and paged on the
 * server, with each shown domain's truststore expiry from its active
 * version's summary (one S3 read per distinct version, ever; for the whole
 * list only when the view filters or sorts by it), and its API types
 * (./api-types.ts: a call per domain, so for the shown page only, streamed
 * after the table; for every domain that passes the other filters only when
 * the view filters by type).
 */
import { summaryCountsAt } from "../../truststore";
import { parseS3Uri } from "../../aws/s3";
import { apiTypesOf } from "./api-types";
import { getOverview } from "./overview";
import {
  applyOverviewQuery,
  matchesOverviewFilters,
  type OverviewPageView,
  type OverviewQuery,
} from "../../model/overview-query";
import type { OverviewRow } from "../../model/overview-row";
import { limiter } from "../shared/limiter";
import { versionSummary } from "../versions/version-summaries";
import { routesByRules } from "../../model/domain";

const CONCURRENCY = 16;
/** How long a view filtered by type waits for the types it lacks before it shows what it has. */
const TYPE_WAIT_MS = 4000;

/** The domains of these rows that route by routing rules. */
const ruleRouted = (rows: OverviewRow[]) =>
  new Set(rows.filter((r) => routesByRules(r.domain)).map((r) => r.domain.domainName));

/** Sets `apiTypes` on the rows that pass the other filters; what is still pending or unknown. */
async function withApiTypes(
  rows: OverviewRow[],
  region: string,
  query: OverviewQuery,
  now: number,
): Promise<Pick<OverviewPageView, "typesPending" | "typesUnknown">> {
  const candidates = rows.filter((r) => matchesOverviewFilters(r, query, now, false));
  const read = await apiTypesOf(
    region,
    candidates.map((r) => r.domain.domainName),
    TYPE_WAIT_MS,
    ruleRouted(candidates),
  );
  const unknown: string[] = [];
  for (const row of candidates) {
    const types = read.types[row.domain.domainName];
    if (types) row.apiTypes = types;
    if (types && "unknown" in types) unknown.push(types.unknown);
  }
  return {
    typesPending: read.pending.length,
    typesUnknown: { count: unknown.length, ...(unknown[0] ? { reason: unknown[0] } : {}) },
  };
}

/** Fills `truststoreExpiry` of the rows whose domain is pinned to a truststore version. */
async function withTruststoreExpiry(
  rows: OverviewRow[],
  region: string,
  now: number,
): Promise<void> {
  const byVersion = new Map<string, OverviewRow[]>();
  for (const row of rows) {
    const mtls = row.domain.mtls;
    if (!mtls?.truststoreVersion || !parseS3Uri(mtls.truststoreUri)) continue;
    const key = `${mtls.truststoreUri}#${mtls.truststoreVersion}`;
    const list = byVersion.get(key);
    if (list) list.push(row);
    else byVersion.set(key, [row]);
  }
  const reading = limiter(CONCURRENCY);
  await Promise.all(
    [...byVersion.values()].map((group) =>
      reading.run(async () => {
        const mtls = group[0]!.domain.mtls!;
        const summary = await versionSummary(
          parseS3Uri(mtls.truststoreUri)!,
          mtls.truststoreVersion!,
          region,
        ).catch(() => null);
        const expiry = summary ? summaryCountsAt(summary, new Date(now)).earliestExpiry : undefined;
        if (expiry) for (const row of group) row.truststoreExpiry = expiry;
      }),
    ),
  );
}

export async function overviewPage(
  region: string,
  query: OverviewQuery,
): Promise<OverviewPageView> {
  const { rows, evaluatedAt } = await getOverview(region);
  const byTruststore = query.truststoreDays !== undefined || query.sort === "truststore-expiry";
  if (byTruststore) await withTruststoreExpiry(rows, region, evaluatedAt);
  const typed =
    query.type === "ALL"
      ? { typesPending: 0, typesUnknown: { count: 0 } }
      : await withApiTypes(rows, region, query, evaluatedAt);
  const page = applyOverviewQuery(rows, query, evaluatedAt);
  if (!byTruststore) await withTruststoreExpiry(page.rows, region, evaluatedAt);
  const missingRows = page.rows.filter((r) => !r.apiTypes);
  const missing = missingRows.map((r) => r.domain.domainName);
  const apiTypes = missing.length
    ? apiTypesOf(region, missing, undefined, ruleRouted(missingRows)).then(
        (read) => read.types,
        () => ({}),
      )
    : Promise.resolve({});
  return { ...page, evaluatedAt, apiTypes, ...typed };
}
