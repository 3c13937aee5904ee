import "server-only";
/**
 * What the overview's rows show and search of their truststores: each
 * pinned version's summary (one S3 read per distinct version, ever: its
 * earliest expiry, its CAs' fingerprints and subjects), and, for a search,
 * the CAs of the latest version of the domains that follow the latest
 * object (its id looked up once a minute per truststore).
 */
import { summaryCountsAt } from "../../truststore";
import { listObjectVersions, parseS3Uri } from "../../aws/s3";
import type { OverviewRow } from "../../model/overview-row";
import { keptReads } from "../shared/kept-reads";
import { limiter } from "../shared/limiter";
import { versionSummary } from "../versions/version-summaries";

const CONCURRENCY = 16;

/** The latest version id of a truststore object, by place and URI (null: none). */
const latestIds = keptReads<string | null>({ max: 5_000, ttlMs: 60_000 });

async function latestVersionId(uri: string, place: string): Promise<string | null> {
  const location = parseS3Uri(uri)!;
  return latestIds.get(`${place}|${uri}`, async () => {
    const versions = await listObjectVersions(location, place);
    return versions.find((v) => v.isLatest && !v.deleteMarker)?.versionId ?? null;
  });
}

/**
 * Fills each row's `caFingerprints` and `caSubjects`, and `truststoreExpiry`
 * of the rows pinned to a version; `latest`: also the CAs of the rows that
 * follow the latest object (their expiry stays "follows latest"). A version
 * that cannot be read leaves its rows as they were.
 */
export async function withTruststores(
  rows: OverviewRow[],
  region: string,
  now: number,
  latest: boolean,
): Promise<void> {
  const reading = limiter(CONCURRENCY);
  const byUri = new Map<string, OverviewRow[]>();
  for (const row of rows) {
    const mtls = row.domain.mtls;
    if (!mtls || !parseS3Uri(mtls.truststoreUri)) continue;
    if (!mtls.truststoreVersion && !latest) continue;
    const key = `${row.place ?? region}|${mtls.truststoreUri}#${mtls.truststoreVersion ?? ""}`;
    const list = byUri.get(key);
    if (list) list.push(row);
    else byUri.set(key, [row]);
  }
  await Promise.all(
    [...byUri.values()].map((group) =>
      reading.run(async () => {
        const mtls = group[0]!.domain.mtls!;
        const place = group[0]!.place ?? region;
        const pinned = mtls.truststoreVersion;
        const versionId =
          pinned ?? (await latestVersionId(mtls.truststoreUri, place).catch(() => null));
        if (!versionId) return;
        const summary = await versionSummary(
          parseS3Uri(mtls.truststoreUri)!,
          versionId,
          place,
        ).catch(() => null);
        if (!summary) return;
        const expiry = pinned ? summaryCountsAt(summary, new Date(now)).earliestExpiry : undefined;
        for (const row of group) {
          row.caFingerprints = summary.caFingerprints;
          row.caSubjects = summary.caSubjects;
          if (expiry) row.truststoreExpiry = expiry;
        }
      }),
    ),
  );
}
