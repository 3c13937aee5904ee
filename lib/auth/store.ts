import "server-only";
/**
 * Where the dashboard keeps its own records: the audit trail, change locks
 * and sign-in failures, as S3 objects under AUDIT_BUCKET/AUDIT_PREFIX. In
 * S3, so that they survive restarts and are shared by every instance.
 */
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { getBackend, getClients } from "../aws/config";
import { awsCall, awsReadOrNull, AwsFailure, toAwsFailure } from "../aws/errors";

export interface StoreLocation {
  bucket: string;
  prefix: string;
  region: string;
}

let ensured: Promise<StoreLocation> | undefined;

/** The store's bucket; the embedded demo creates it on first use. */
export function storeLocation(): Promise<StoreLocation> {
  ensured ??= (async () => {
    const backend = await getBackend();
    const location = {
      bucket: process.env.AUDIT_BUCKET || "mtls-console-audit",
      prefix: (process.env.AUDIT_PREFIX ?? "mtls-console/").replace(/^\/+/, ""),
      region: process.env.AUDIT_REGION || backend.defaultRegion,
    };
    const { s3 } = await getClients(location.region);
    try {
      await s3.send(new HeadBucketCommand({ Bucket: location.bucket }));
    } catch {
      if (backend.kind !== "embedded") {
        throw new AwsFailure(`The audit bucket ${location.bucket} cannot be reached: create it (or set AUDIT_BUCKET) before making changes. Nothing was changed.`, "AuditBucketMissing");
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

export async function putJson(key: string, value: unknown, options: { onlyIfAbsent?: boolean } = {}): Promise<"written" | "exists"> {
  const store = await storeLocation();
  const { s3 } = await getClients(store.region);
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: store.bucket,
        Key: store.prefix + key,
        Body: JSON.stringify(value),
        ContentType: "application/json",
        ...(options.onlyIfAbsent ? { IfNoneMatch: "*" } : {}),
      }),
    );
    return "written";
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (options.onlyIfAbsent && (e.name === "PreconditionFailed" || e.$metadata?.httpStatusCode === 412)) return "exists";
    throw toAwsFailure(error, "write to the audit bucket");
  }
}

export async function getJson<T>(key: string): Promise<T | null> {
  const store = await storeLocation();
  const { s3 } = await getClients(store.region);
  const res = await awsReadOrNull("read from the audit bucket", "NoSuchKey", () => s3.send(new GetObjectCommand({ Bucket: store.bucket, Key: store.prefix + key })));
  return res ? (JSON.parse(await res.Body!.transformToString()) as T) : null;
}

export async function deleteKey(key: string): Promise<void> {
  const store = await storeLocation();
  const { s3 } = await getClients(store.region);
  await awsCall("delete from the audit bucket", () => s3.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: store.prefix + key })));
}

/** Keys under a prefix (relative to the store's prefix), in key order, at most `max`. */
export async function listKeys(prefix: string, max = 1000, startAfter?: string): Promise<string[]> {
  const store = await storeLocation();
  const { s3 } = await getClients(store.region);
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await awsCall("list the audit bucket", () =>
      s3.send(
        new ListObjectsV2Command({
          Bucket: store.bucket,
          Prefix: store.prefix + prefix,
          ContinuationToken: token,
          StartAfter: startAfter ? store.prefix + startAfter : undefined,
          MaxKeys: Math.min(1000, max - out.length),
        }),
      ),
    );
    out.push(...(page.Contents ?? []).map((c) => c.Key!.slice(store.prefix.length)));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && out.length < max);
  return out;
}
