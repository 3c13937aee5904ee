import "server-only";
/**
 * The version history of a truststore object, without downloading the
 * versions: each row comes from the version's summary (./version-
 * summaries.ts), counted as of now.
 */
import { summaryCountsAt } from "../../truststore";
import { listObjectVersions, type S3Location } from "../../aws/s3";
import type { VersionSummary } from "./types";
import { versionSummary } from "./version-summaries";

const ANALYSED_VERSIONS = 50;
/** How long a page waits for summaries being made before showing the history without them. */
const SUMMARY_WAIT_MS = 1_500;

/**
 * Every version of the truststore object, newest first; the newest 50 (and
 * the active one) summarised from their stored summaries (./version-
 * summaries.ts: no object download once a version has been seen) and
 * counted as of now. Diffs are computed when asked for (./compare.ts).
 */
export async function versionHistory(
  location: S3Location,
  activeVersionId: string | undefined,
  region: string,
): Promise<{ versions: VersionSummary[]; truncated: boolean }> {
  const all = await listObjectVersions(location, region);
  const activeId = activeVersionId ?? all.find((v) => v.isLatest && !v.deleteMarker)?.versionId;
  const analysed = all.filter((v) => !v.deleteMarker).slice(0, ANALYSED_VERSIONS);
  if (activeId && !analysed.some((v) => v.versionId === activeId)) {
    const activeRow = all.find((v) => v.versionId === activeId);
    if (activeRow) analysed.push(activeRow);
  }
  const at = new Date();
  // Versions never seen before are summarised now (one at a time); the page waits a moment
  // for them, then shows the rest as being summarised and refreshes until they are.
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), SUMMARY_WAIT_MS));
  const summaries = new Map(
    await Promise.all(
      analysed.map(async (v) => {
        const summary = versionSummary(location, v.versionId, region, {
          keep: v.versionId === activeId,
        }).catch(() => null);
        return [v.versionId, await Promise.race([summary, late])] as const;
      }),
    ),
  );
  const versions: VersionSummary[] = all.map((v) => {
    const summary = summaries.get(v.versionId);
    const now = summary ? summaryCountsAt(summary, at) : undefined;
    const row: VersionSummary = {
      ...v,
      metadata: summary?.metadata ?? {},
      certificateCount: summary?.certificateCount ?? 0,
      verdict: now?.verdict ?? "ok",
      counts: now?.counts ?? { error: 0, warning: 0, info: 0 },
      isActive: v.versionId === activeId,
    };
    if (summary) row.analysed = true;
    else if (summaries.has(v.versionId)) row.summarising = true;
    return row;
  });
  return { versions, truncated: all.filter((v) => !v.deleteMarker).length > ANALYSED_VERSIONS };
}
