import "server-only";
/**
 * Truststore versions from S3, decoded and checked. An S3 object version
 * never changes, so a parsed version is cached by bucket/key/versionId; the
 * cache is bounded by bytes (the objects' sizes, least recently used out
 * first: TRUSTSTORE_CACHE_MB, default 24), so a few huge truststores cannot
 * take the server's memory. The rules run again on every request (they
 * depend on the time).
 */
import { LRUCache } from "lru-cache";
import {
  loadBundle,
  validateBundle,
  type LoadedBundle,
  type TruststoreReport,
} from "../truststore";
import { getObjectVersion, listObjectVersions, type S3Location } from "../aws/s3";
import { DomainError } from "./errors";
import type { VersionSummary } from "./truststores-types";
import type { TruststoreMetadata } from "./types";

interface CachedVersion {
  bundle: LoadedBundle;
  metadata: TruststoreMetadata;
  versionId: string;
  /** The object's size: what the cache counts. */
  bytes: number;
}

interface LoadContext {
  location: S3Location;
  versionId: string;
  region?: string;
}

const megabytes = Number(process.env.TRUSTSTORE_CACHE_MB ?? 24);
export const TRUSTSTORE_CACHE_BYTES =
  (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 24) * 1_000_000;

const cache = new LRUCache<string, CachedVersion, LoadContext>({
  maxSize: TRUSTSTORE_CACHE_BYTES,
  // A parsed bundle holds its source and decoded fields: count the source bytes, at least 1 KB.
  sizeCalculation: (v) => Math.max(1_000, v.bytes),
  // Concurrent requests for one version share one download.
  fetchMethod: async (_key, _stale, { context }) => {
    const object = await getObjectVersion(context.location, context.versionId, context.region);
    return {
      bundle: await loadBundle(object.body),
      metadata: object.metadata,
      versionId: object.versionId,
      bytes: object.body.byteLength,
    };
  },
});

async function loadVersion(
  location: S3Location,
  versionId: string,
  region?: string,
): Promise<CachedVersion> {
  const loaded = await cache.fetch(`${location.bucket}/${location.key}#${versionId}`, {
    context: { location, versionId, ...(region ? { region } : {}) },
  });
  if (!loaded)
    throw new DomainError(
      "version-missing",
      `Version ${versionId} of s3://${location.bucket}/${location.key} could not be read.`,
    );
  return loaded;
}

/** What the parsed-truststore cache holds now (for tests and the bench). */
export function truststoreCacheUsage(): { entries: number; bytes: number } {
  return { entries: cache.size, bytes: cache.calculatedSize };
}

export interface CheckedVersion {
  versionId: string;
  metadata: TruststoreMetadata;
  report: TruststoreReport;
}

/**
 * A version decoded and checked now. Without a version id (a domain that
 * follows the latest object), the latest version is looked up first.
 */
export async function checkVersion(
  location: S3Location,
  versionId: string | undefined,
  region?: string,
  at = new Date(),
): Promise<CheckedVersion> {
  let id = versionId;
  if (!id) {
    const latest = (await listObjectVersions(location, region)).find(
      (v) => v.isLatest && !v.deleteMarker,
    );
    if (!latest)
      throw new DomainError(
        "version-missing",
        `s3://${location.bucket}/${location.key} has no current version.`,
      );
    id = latest.versionId;
  }
  const loaded = await loadVersion(location, id, region);
  return {
    versionId: loaded.versionId,
    metadata: loaded.metadata,
    report: await validateBundle(loaded.bundle, at, 30),
  };
}

export type { VersionSummary } from "./truststores-types";

const ANALYSED_VERSIONS = 50;

/**
 * Every version of the truststore object, newest first; the newest 50 (and
 * the active one) decoded and checked. Diffs are computed when asked for
 * (./compare.ts).
 */
export async function versionHistory(
  location: S3Location,
  activeVersionId: string | undefined,
  region?: string,
): Promise<{ versions: VersionSummary[]; active?: CheckedVersion; truncated: boolean }> {
  const all = await listObjectVersions(location, region);
  const activeId = activeVersionId ?? all.find((v) => v.isLatest && !v.deleteMarker)?.versionId;
  const analysed = all.filter((v) => !v.deleteMarker).slice(0, ANALYSED_VERSIONS);
  if (activeId && !analysed.some((v) => v.versionId === activeId)) {
    const activeRow = all.find((v) => v.versionId === activeId);
    if (activeRow) analysed.push(activeRow);
  }
  const at = new Date();
  const checked = new Map<string, CheckedVersion>();
  await Promise.all(
    analysed.map(async (v) => {
      checked.set(v.versionId, await checkVersion(location, v.versionId, region, at));
    }),
  );
  const active = activeId ? checked.get(activeId) : undefined;
  const versions: VersionSummary[] = all.map((v) => {
    const c = checked.get(v.versionId);
    const count = (s: string) => c?.report.findings.filter((f) => f.severity === s).length ?? 0;
    const summary: VersionSummary = {
      ...v,
      metadata: c?.metadata ?? {},
      certificateCount: c?.report.certificates.length ?? 0,
      verdict: c?.report.verdict ?? "ok",
      counts: { error: count("error"), warning: count("warning"), info: count("info") },
      isActive: v.versionId === activeId,
    };
    if (c) summary.analysed = true;
    return summary;
  });
  return {
    versions,
    ...(active ? { active } : {}),
    truncated: all.filter((v) => !v.deleteMarker).length > ANALYSED_VERSIONS,
  };
}
