import "server-only";
/**
 * Where the dashboard keeps its own records: the audit trail, change locks
 * and sign-in attempts, as S3 objects under AUDIT_BUCKET/AUDIT_PREFIX. In
 * S3, so that they survive restarts and are shared by every instance.
 *
 * Outside the embedded demo AUDIT_BUCKET must be set (the app refuses to
 * start without it), and every call names the account that must own the
 * bucket (ExpectedBucketOwner: AUDIT_BUCKET_OWNER, else the caller's own
 * account from STS), so records never go to a bucket someone else owns.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  paginateListObjectsV2,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { getBackend, getClients, resolveBackendKind } from "../aws/config";
import { awsCall, awsReadOrNull, AwsFailure, toAwsFailure } from "../aws/errors";

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
    const { s3, sts } = await getClients(region);
    const owner =
      settings.owner ??
      (
        await awsCall("find this account's id for the audit bucket", () =>
          sts.send(new GetCallerIdentityCommand({})),
        )
      ).Account;
    if (!owner)
      throw new AwsFailure("Could not find this account's id for the audit bucket.", "NoAccount");
    const location = { bucket: settings.bucket, prefix: settings.prefix, region, owner };
    try {
      await s3.send(new HeadBucketCommand({ Bucket: location.bucket, ExpectedBucketOwner: owner }));
    } catch {
      if (backend.kind !== "embedded") {
        throw new AwsFailure(
          `The audit bucket ${location.bucket} cannot be reached in account ${owner}: create it (or set AUDIT_BUCKET and AUDIT_BUCKET_OWNER) before making changes. Nothing was changed.`,
          "AuditBucketMissing",
        );
      }
      await s3.send(new CreateBucketCommand({ Bucket: location.bucket }));
    }
    return location;
  })();
  ensured.catch(() => {
    ensured = undefined;
  });
  return ensured;
}

const isPreconditionFailed = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "PreconditionFailed" || e.$metadata?.httpStatusCode === 412;
};

export type PutOutcome = { written: true; etag: string } | { written: false };

/**
 * Writes a JSON object. `onlyIfAbsent`: only when no object exists
 * (If-None-Match: *); `ifMatch`: only when the object still has that ETag.
 * A failed condition is `{ written: false }`, never an exception.
 */
export async function putJson(
  key: string,
  value: unknown,
  options: { onlyIfAbsent?: boolean; ifMatch?: string } = {},
): Promise<PutOutcome> {
  const store = await storeLocation();
  const { s3 } = await getClients(store.region);
  try {
    const res = await s3.send(
      new PutObjectCommand({
        Bucket: store.bucket,
        ExpectedBucketOwner: store.owner,
        Key: store.prefix + key,
        Body: JSON.stringify(value),
        ContentType: "application/json",
        ...(options.onlyIfAbsent ? { IfNoneMatch: "*" } : {}),
        ...(options.ifMatch ? { IfMatch: options.ifMatch } : {}),
      }),
    );
    return { written: true, etag: res.ETag ?? "" };
  } catch (error) {
    if ((options.onlyIfAbsent || options.ifMatch) && isPreconditionFailed(error))
      return { written: false };
    throw toAwsFailure(error, "write to the audit bucket");
  }
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
  const { s3 } = await getClients(store.region);
  const res = await awsReadOrNull("read from the audit bucket", "NoSuchKey", () =>
    s3.send(
      new GetObjectCommand({
        Bucket: store.bucket,
        ExpectedBucketOwner: store.owner,
        Key: store.prefix + key,
      }),
    ),
  );
  return res
    ? { value: JSON.parse(await res.Body!.transformToString()) as T, etag: res.ETag ?? "" }
    : null;
}

/** Deletes an object; with `ifMatch`, only while it still has that ETag. false: the condition failed. */
export async function deleteKey(key: string, options: { ifMatch?: string } = {}): Promise<boolean> {
  const store = await storeLocation();
  const { s3 } = await getClients(store.region);
  try {
    await s3.send(
      new DeleteObjectCommand({
        Bucket: store.bucket,
        ExpectedBucketOwner: store.owner,
        Key: store.prefix + key,
        ...(options.ifMatch ? { IfMatch: options.ifMatch } : {}),
      }),
    );
    return true;
  } catch (error) {
    if (
      options.ifMatch &&
      (isPreconditionFailed(error) || (error as { name?: string }).name === "NoSuchKey")
    )
      return false;
    throw toAwsFailure(error, "delete from the audit bucket");
  }
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
  const { s3 } = await getClients(store.region);
  return awsCall("list the audit bucket", async () => {
    const out: { key: string; etag: string }[] = [];
    const input = {
      Bucket: store.bucket,
      ExpectedBucketOwner: store.owner,
      Prefix: store.prefix + prefix,
      StartAfter: startAfter ? store.prefix + startAfter : undefined,
    };
    for await (const page of paginateListObjectsV2(
      { client: s3, pageSize: Math.min(1000, max) },
      input,
    )) {
      out.push(
        ...(page.Contents ?? []).map((c) => ({
          key: c.Key!.slice(store.prefix.length),
          etag: c.ETag ?? "",
        })),
      );
      if (out.length >= max) break;
    }
    return out.slice(0, max);
  });
}
