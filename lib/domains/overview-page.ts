import "server-only";
/**
 * One page of the overview, as the URL asks for it: the listing (two AWS
 * listings, never a call per domain), filtered, sorted and paged on the
 * server, with each shown domain's truststore expiry from its active
 * version's summary (one S3 read per distinct version, ever; for the whole
 * list only when the view filters or sorts by it).
 */
import { summaryCountsAt } from "../truststore";
import { parseS3Uri } from "../aws/s3";
import { getOverview } from "./overview";
import { applyOverviewQuery, type OverviewPage, type OverviewQuery } from "./overview-query";
import type { OverviewRow } from "./overview-types";
import { limiter } from "./limiter";
import { versionSummary } from "./version-summaries";

const CONCURRENCY = 16;

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
): Promise<OverviewPage & { evaluatedAt: number }> {
  const { rows, evaluatedAt } = await getOverview(region);
  const byTruststore = query.truststoreDays !== undefined || query.sort === "truststore-expiry";
  if (byTruststore) await withTruststoreExpiry(rows, region, evaluatedAt);
  const page = applyOverviewQuery(rows, query, evaluatedAt);
  if (!byTruststore) await withTruststoreExpiry(page.rows, region, evaluatedAt);
  return { ...page, evaluatedAt };
}
