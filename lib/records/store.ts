import "server-only";
/**
 * The console's records store: the audit trail, change intents, locks,
 * version summaries, sessions and sign-in attempts, as S3 objects under
 * AUDIT_BUCKET/AUDIT_PREFIX (its S3 calls in lib/aws/json-objects.ts). In
 * S3, so that they survive restarts and are shared by every instance.
 *
 * Outside the embedded demo AUDIT_BUCKET must be set (the app refuses to
 * start without it), and every call names the account that must own the
 * bucket (ExpectedBucketOwner: AUDIT_BUCKET_OWNER, else the caller's own
 * account from STS), so records never go to a bucket someone else owns.
 */
import { callerAccount } from "../aws/account";
import { getBackend, resolveBackendKind } from "../aws/config";
import { AwsFailure } from "../aws/errors";
import {
  bucketReachable,
  createBucket,
  deleteObject,
  getJsonObject,
  listObjectEntries,
  putJsonObject,
  type PutOutcome,
} from "../aws/json-objects";

export type { PutOutcome };

export interface StoreLocation {
  bucket: string;
  prefix: string;
  region: string;
  /** The account that must own the bucket. */
  owner: string;
}

type Env = Record<string, string | undefined>;

/** The store's settings; throws (at start-up) when the audit bucket is not configured outside the demo. */
export function storeSettings(env: Env = process.env): {
  bucket: string;
  prefix: string;
  owner?: string;
} {
  const bucket = env.AUDIT_BUCKET;
  if (!bucket && resolveBackendKind(env) !== "embedded") {
    throw new Error(
      "AUDIT_BUCKET must be set outside the embedded demo: the S3 bucket (in your own account) that keeps the audit trail, change locks and sign-in attempts.",
    );
  }
  const owner = env.AUDIT_BUCKET_OWNER;
  if (owner !== undefined && !/^\d{12}$/.test(owner))
    throw new Error("AUDIT_BUCKET_OWNER must be a 12-digit AWS account id.");
  return {
    bucket: bucket || "mtls-console-audit",
    prefix: (env.AUDIT_PREFIX ?? "mtls-console/").replace(/^\/+/, ""),
    ...(owner ? { owner } : {}),
  };
}

let ensured: Promise<StoreLocation> | undefined;

/** The store's bucket and owner; the embedded demo creates its bucket on first use. */
export function storeLocation(): Promise<StoreLocation> {
  ensured ??= (async () => {
    const backend = await getBackend();
    const settings = storeSettings();
    const region = process.env.AUDIT_REGION || backend.defaultRegion;
    const owner = settings.owner ?? (await callerAccount(region));
    const location = { bucket: settings.bucket, prefix: settings.prefix, region, owner };
    if (!(await bucketReachable(location))) {
      if (backend.kind !== "embedded") {
        throw new AwsFailure(
          `The audit bucket ${location.bucket} cannot be reached in account ${owner}: create it (or set AUDIT_BUCKET and AUDIT_BUCKET_OWNER) before making changes. Nothing was changed.`,
          "AuditBucketMissing",
        );
      }
      await createBucket(location);
    }
    return location;
  })();
  ensured.catch(() => {
    ensured = undefined;
  });
  return ensured;
}

/**
 * Writes a JSON record. `onlyIfAbsent`: only when none exists; `ifMatch`:
 * only when it still has that ETag. A failed condition is `{ written: false }`.
 */
export async function putJson(
  key: string,
  value: unknown,
  options: { onlyIfAbsent?: boolean; ifMatch?: string } = {},
): Promise<PutOutcome> {
  const store = await storeLocation();
  return putJsonObject(store, store.prefix + key, value, options);
}

/** Runs a store call up to `attempts` times, 200 ms, 400 ms… apart (the SDK retries each try too); the last failure is thrown. */
export async function retried<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function getJson<T>(key: string): Promise<{ value: T; etag: string } | null> {
  const store = await storeLocation();
  return getJsonObject<T>(store, store.prefix + key);
}

/** Deletes a record; with `ifMatch`, only while it still has that ETag. false: the condition failed. */
export async function deleteKey(key: string, options: { ifMatch?: string } = {}): Promise<boolean> {
  const store = await storeLocation();
  return deleteObject(store, store.prefix + key, options);
}

/** Keys under a prefix (relative to the store's prefix), in key order, at most `max`, after `startAfter`. */
export async function listKeys(prefix: string, max = 1000, startAfter?: string): Promise<string[]> {
  return (await listEntries(prefix, max, startAfter)).map((e) => e.key);
}

/** Like listKeys, with each object's ETag (it changes whenever the object is rewritten). */
export async function listEntries(
  prefix: string,
  max = 1000,
  startAfter?: string,
): Promise<{ key: string; etag: string }[]> {
  const store = await storeLocation();
  const entries = await listObjectEntries(
    store,
    store.prefix + prefix,
    max,
    startAfter ? store.prefix + startAfter : undefined,
  );
  return entries.map((e) => ({ key: e.key.slice(store.prefix.length), etag: e.etag }));
}
