import "server-only";
/**
 * Truststore versions from S3, decoded and checked. An S3 object version
 * never changes, so a parsed version is cached by bucket/key/versionId; the
 * cache is bounded by bytes (the objects' sizes, least recently used out
 * first: TRUSTSTORE_CACHE_MB, default 256, read on first use), so a few huge truststores cannot
 * take the server's memory. The rules run again on every request (they
 * depend on the time).
 */
import { LRUCache } from "lru-cache";
import {
  loadBundle,
  validateBundle,
  type LoadedBundle,
  type TruststoreReport,
} from "../../truststore";
import { getObjectVersion, listObjectVersions, type S3Location } from "../../aws/s3";
import { DomainError } from "../shared/errors";
import type { TruststoreMetadata } from "../../model/domain";

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
  region: string;
}

/** The cache's budget, in estimated bytes of memory (TRUSTSTORE_CACHE_MB, default 256). */
export function truststoreCacheBytes(
  env: Record<string, string | undefined> = process.env,
): number {
  const megabytes = Number(env.TRUSTSTORE_CACHE_MB ?? 256);
  return (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 256) * 1_000_000;
}
/**
 * A parsed bundle takes about this many times its source size in memory
 * (decoded fields, ASN.1 objects, keys); measured with 1,000-certificate
 * bundles (bench: 50 cached versions of 630 KB each held over 1 GB).
 */
export const PARSED_SIZE_FACTOR = 40;

let versions: LRUCache<string, CachedVersion, LoadContext> | undefined;

/** The parsed-version cache, made on first use (its budget read then). */
function versionCache(): LRUCache<string, CachedVersion, LoadContext> {
  versions ??= new LRUCache<string, CachedVersion, LoadContext>({
    maxSize: truststoreCacheBytes(),
    sizeCalculation: (v) => Math.max(1_000, v.bytes) * PARSED_SIZE_FACTOR,
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
  return versions;
}

/** Versions being read into the cache right now: a one-off check of the same version waits for it. */
const inFlight = new Map<string, Promise<CachedVersion | undefined>>();

async function loadVersion(
  location: S3Location,
  versionId: string,
  region: string,
): Promise<CachedVersion> {
  const key = `${location.bucket}/${location.key}#${versionId}`;
  const fetching = versionCache().fetch(key, {
    context: { location, versionId, region },
  });
  inFlight.set(key, fetching);
  let loaded: CachedVersion | undefined;
  try {
    loaded = await fetching;
  } finally {
    if (inFlight.get(key) === fetching) inFlight.delete(key);
  }
  if (!loaded)
    throw new DomainError(
      "version-missing",
      `Version ${versionId} of s3://${location.bucket}/${location.key} could not be read.`,
    );
  return loaded;
}

/**
 * A version decoded and checked without keeping it: for summaries, which
 * read each version once, ever, and should not push the versions people
 * look at out of the cache.
 */
export async function checkVersionOnce(
  location: S3Location,
  versionId: string,
  region: string,
): Promise<CheckedVersion> {
  const key = `${location.bucket}/${location.key}#${versionId}`;
  const cached = versionCache().get(key) ?? (await inFlight.get(key)?.catch(() => undefined));
  if (cached)
    return {
      versionId: cached.versionId,
      metadata: cached.metadata,
      report: await validateBundle(cached.bundle, new Date(), 30),
    };
  const object = await getObjectVersion(location, versionId, region);
  // In the background, one at a time: on this thread (less memory kept than libuv's threads).
  const bundle = await loadBundle(object.body, { threads: false });
  return {
    versionId: object.versionId,
    metadata: object.metadata,
    report: await validateBundle(bundle, new Date(), 30),
  };
}

/** What the parsed-truststore cache holds now (for tests and the bench). */
export function truststoreCacheUsage(): { entries: number; bytes: number } {
  const cache = versionCache();
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
  region: string,
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

export type { VersionSummary } from "./types";
