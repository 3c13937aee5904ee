import "server-only";
/**
 * Summaries of truststore versions (lib/truststore/summary.ts), so that the
 * version history needs no object download per version. An object version
 * never changes, so its summary is computed once, ever: written when the
 * console uploads the version, or computed on first sight for a version
 * another tool wrote, and kept in the console's own store (the audit
 * bucket: the console never writes into a truststore bucket on a page
 * view), keyed by bucket, key and version id; and cached in memory.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { summarize, type TruststoreReport, type TruststoreSummary } from "../../truststore";
import type { S3Location } from "../../aws/s3";
import { getJson, putJson } from "../../records/store";
import { limiter } from "../shared/limiter";
import { checkVersion, checkVersionOnce } from "./truststores";
import type { TruststoreMetadata } from "../../model/domain";

/** A summary with the object's own metadata (who uploaded it), as stored. */
export type StoredSummary = TruststoreSummary & { metadata: TruststoreMetadata };

const memory = new LRUCache<string, StoredSummary>({ max: 20_000 });

const computing = limiter(1);

function storeKey(location: S3Location, versionId: string): string {
  const object = createHash("sha256")
    .update(`${location.bucket}/${location.key}`)
    .digest("hex")
    .slice(0, 40);
  return `summaries/${object}/${versionId.replace(/[^A-Za-z0-9._-]/g, "_")}.json`;
}

const cacheKey = (location: S3Location, versionId: string) =>
  `${location.bucket}/${location.key}#${versionId}`;

/** A version's summary made from its report, kept in memory. */
function remember(
  location: S3Location,
  versionId: string,
  report: TruststoreReport,
  metadata: TruststoreMetadata,
): StoredSummary {
  const summary: StoredSummary = { ...summarize(report), metadata };
  memory.set(cacheKey(location, versionId), summary);
  return summary;
}

/** Writes a summary to the store; a failure is logged (the summary is computed again elsewhere). */
function store(location: S3Location, versionId: string, summary: StoredSummary): Promise<void> {
  return putJson(storeKey(location, versionId), summary).then(
    () => undefined,
    (error: unknown) =>
      console.error(
        `[summaries] could not store the summary of ${versionId}:`,
        error instanceof Error ? error.message : String(error),
      ),
  );
}

/** Records the summary of a version whose report is at hand (the console's own upload). */
export async function recordSummary(
  location: S3Location,
  versionId: string,
  report: TruststoreReport,
  metadata: TruststoreMetadata,
): Promise<StoredSummary> {
  const summary = remember(location, versionId, report, metadata);
  await store(location, versionId, summary);
  return summary;
}

/** A version's summary: from memory, else from the store, else computed once (and stored). */
export async function versionSummary(
  location: S3Location,
  versionId: string,
  region: string,
  /** keep: the version is being looked at (the active one): read it into the cache, shared with the page. */
  options: { keep?: boolean } = {},
): Promise<StoredSummary> {
  const key = cacheKey(location, versionId);
  const known = memory.get(key);
  if (known) return known;
  const stored = await getJson<StoredSummary>(storeKey(location, versionId)).catch(() => null);
  if (stored?.value.v === 2) {
    memory.set(key, stored.value);
    return stored.value;
  }
  // Computed one at a time: each parses a whole version (up to 1 MB, about 15 times that in memory).
  const checked = options.keep
    ? await checkVersion(location, versionId, region)
    : await computing.run(() => checkVersionOnce(location, versionId, region));
  const summary = remember(location, versionId, checked.report, checked.metadata);
  // Stored behind the page that asked: it is in memory already.
  void store(location, versionId, summary);
  return summary;
}
