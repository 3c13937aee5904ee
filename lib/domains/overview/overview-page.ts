import "server-only";
/**
 * One page of the overview, as the URL asks for it: the listing (two AWS
 * listings, never a call per domain), filtered, sorted and paged on the
 * server, with each shown domain's truststore expiry from its active
 * version's summary (./row-truststores.ts; for the whole list only when the
 * view filters or sorts by it, or searches its CAs), and its API types
 * (./api-types.ts: a call per domain, so for the shown page only, streamed
 * after the table; for every domain that passes the other filters only when
 * the view filters by type).
 */
import { apiTypesOf } from "./api-types";
import { getOverview } from "./overview";
import {
  applyOverviewQuery,
  matchesOverviewFilters,
  namesDomain,
  type OverviewPageView,
  type OverviewQuery,
} from "../../model/overview-query";
import { rowKey, type ApiTypes, type OverviewRow } from "../../model/overview-row";
import type { PlaceFailure } from "../../model/overview-query";
import { caMatchOf } from "../../model/ca-search";
import { readPart } from "../shared/loaded";
import { limiter } from "../shared/limiter";
import { withTruststores } from "./row-truststores";
import { routesByRules } from "../../model/domain";

const CONCURRENCY = 16;
/** How long a view filtered by type waits for the types it lacks before it shows what it has. */
const TYPE_WAIT_MS = 4000;

/** The domains of these rows that route by routing rules. */
const ruleRouted = (rows: OverviewRow[]) =>
  new Set(rows.filter((r) => routesByRules(r.domain)).map((r) => r.domain.domainName));

/** The rows by the place they live in (`region` for rows of the one place). */
function byPlace(rows: OverviewRow[], region: string): Map<string, OverviewRow[]> {
  const groups = new Map<string, OverviewRow[]>();
  for (const row of rows) {
    const place = row.place ?? region;
    const group = groups.get(place);
    if (group) group.push(row);
    else groups.set(place, [row]);
  }
  return groups;
}

/** The API types of these rows by rowKey, each place's read apart; what is still pending. */
async function typesOfRows(
  rows: OverviewRow[],
  region: string,
  waitMs?: number,
): Promise<{ types: Record<string, ApiTypes>; pending: number }> {
  const types: Record<string, ApiTypes> = {};
  let pending = 0;
  await Promise.all(
    [...byPlace(rows, region)].map(async ([place, group]) => {
      const read = await apiTypesOf(
        place,
        group.map((r) => r.domain.domainName),
        waitMs,
        ruleRouted(group),
      );
      pending += read.pending.length;
      for (const row of group) {
        const found = read.types[row.domain.domainName];
        if (found) types[rowKey(row)] = found;
      }
    }),
  );
  return { types, pending };
}

/** Sets `apiTypes` on the rows that pass the other filters; what is still pending or unknown. */
async function withApiTypes(
  rows: OverviewRow[],
  region: string,
  query: OverviewQuery,
  now: number,
): Promise<Pick<OverviewPageView, "typesPending" | "typesUnknown">> {
  const candidates = rows.filter((r) => matchesOverviewFilters(r, query, now, false));
  const read = await typesOfRows(candidates, region, TYPE_WAIT_MS);
  const unknown: string[] = [];
  for (const row of candidates) {
    const types = read.types[rowKey(row)];
    if (types) row.apiTypes = types;
    if (types && "unknown" in types) unknown.push(types.unknown);
  }
  return {
    typesPending: read.pending,
    typesUnknown: { count: unknown.length, ...(unknown[0] ? { reason: unknown[0] } : {}) },
  };
}

/** The domains of every place asked for, each place's failure on its own (a fleet's overview). */
async function readPlaces(
  places: string[],
): Promise<{ rows: OverviewRow[]; evaluatedAt: number; failures: PlaceFailure[] }> {
  if (places.length === 1) return { ...(await getOverview(places[0]!)), failures: [] };
  const reading = limiter(CONCURRENCY);
  const rows: OverviewRow[] = [];
  const failures: PlaceFailure[] = [];
  await Promise.all(
    places.map((place) =>
      reading.run(async () => {
        const read = await readPart(() => getOverview(place), `the domains of ${place}`);
        if (read.ok) for (const row of read.value.rows) rows.push({ ...row, place });
        else failures.push({ place, message: read.message });
      }),
    ),
  );
  failures.sort((a, b) => places.indexOf(a.place) - places.indexOf(b.place));
  return { rows, evaluatedAt: Date.now(), failures };
}

/**
 * One page of the overview of these places: one region (or fleet place),
 * or, in a fleet, every place the filters leave (rows carry their place).
 */
export async function overviewPage(
  where: string | string[],
  query: OverviewQuery,
  /** Infinity: every matching row (an export). */
  pageSize?: number,
): Promise<OverviewPageView> {
  const places = typeof where === "string" ? [where] : where;
  const region = places[0]!;
  const { rows, evaluatedAt, failures } = await readPlaces(places);
  // These need every row's active version summary, not only the shown page's
  // (a search also looks for its CAs, of domains that follow the latest object too).
  const searching = query.q.trim() !== "";
  const byTruststore =
    query.truststoreDays !== undefined || query.sort === "truststore-expiry" || searching;
  if (byTruststore) await withTruststores(rows, region, evaluatedAt, searching);
  const typed =
    query.type === "ALL"
      ? { typesPending: 0, typesUnknown: { count: 0 } }
      : await withApiTypes(rows, region, query, evaluatedAt);
  const page = applyOverviewQuery(rows, query, evaluatedAt, pageSize);
  if (!byTruststore) await withTruststores(page.rows, region, evaluatedAt, false);
  if (searching)
    for (const row of page.rows)
      if (!namesDomain(row, query.q)) row.matchedCa = caMatchOf(row, query.q);
  const missingRows = page.rows.filter((r) => !r.apiTypes);
  const apiTypes = missingRows.length
    ? typesOfRows(missingRows, region).then(
        (read) => read.types,
        () => ({}),
      )
    : Promise.resolve({});
  return { ...page, evaluatedAt, apiTypes, failures, ...typed };
}
