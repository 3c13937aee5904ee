import "server-only";
/**
 * JSON objects in one S3 bucket the console owns (its records store,
 * lib/records/store.ts): conditional writes and deletes, reads, listings.
 * Every call names the account that must own the bucket
 * (ExpectedBucketOwner), so nothing goes to a bucket someone else owns.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  paginateListObjectsV2,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { getClients } from "./config";
import { awsCall, awsReadOrNull, toAwsFailure } from "./errors";

export interface OwnedBucket {
  bucket: string;
  region: string;
  /** The account that must own the bucket. */
  owner: string;
}

export type PutOutcome = { written: true; etag: string } | { written: false };

/** S3 refused a conditional request (If-Match / If-None-Match): 412. */
export const isPreconditionFailed = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "PreconditionFailed" || e.$metadata?.httpStatusCode === 412;
};

/** Is the bucket there, owned by `owner`? (HeadBucket; any failure is "no".) */
export async function bucketReachable(at: OwnedBucket): Promise<boolean> {
  const { s3 } = await getClients(at.region);
  try {
    await s3.send(new HeadBucketCommand({ Bucket: at.bucket, ExpectedBucketOwner: at.owner }));
    return true;
  } catch {
    return false;
  }
}

/** Creates the bucket (the embedded demo's records bucket). */
export async function createBucket(at: OwnedBucket): Promise<void> {
  const { s3 } = await getClients(at.region);
  await awsCall("create the records bucket", () =>
    s3.send(new CreateBucketCommand({ Bucket: at.bucket })),
  );
}

/**
 * Writes a JSON object. `onlyIfAbsent`: only when no object exists
 * (If-None-Match: *); `ifMatch`: only when the object still has that ETag.
 * A failed condition is `{ written: false }`, never an exception.
 */
export async function putJsonObject(
  at: OwnedBucket,
  key: string,
  value: unknown,
  options: { onlyIfAbsent?: boolean; ifMatch?: string } = {},
): Promise<PutOutcome> {
  const { s3 } = await getClients(at.region);
  const body = JSON.stringify(value);
  try {
    const res = await s3.send(
      new PutObjectCommand({
        Bucket: at.bucket,
        ExpectedBucketOwner: at.owner,
        Key: key,
        Body: body,
        // A bucket with Object Lock's default retention takes no write without an integrity check.
        ContentMD5: createHash("md5").update(body).digest("base64"),
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

/** A JSON object and its ETag; null when there is none. */
export async function getJsonObject<T>(
  at: OwnedBucket,
  key: string,
): Promise<{ value: T; etag: string } | null> {
  const { s3 } = await getClients(at.region);
  const res = await awsReadOrNull("read from the audit bucket", "NoSuchKey", () =>
    s3.send(new GetObjectCommand({ Bucket: at.bucket, ExpectedBucketOwner: at.owner, Key: key })),
  );
  return res
    ? { value: JSON.parse(await res.Body!.transformToString()) as T, etag: res.ETag ?? "" }
    : null;
}

/** Deletes an object; with `ifMatch`, only while it still has that ETag. false: the condition failed. */
export async function deleteObject(
  at: OwnedBucket,
  key: string,
  options: { ifMatch?: string } = {},
): Promise<boolean> {
  const { s3 } = await getClients(at.region);
  try {
    await s3.send(
      new DeleteObjectCommand({
        Bucket: at.bucket,
        ExpectedBucketOwner: at.owner,
        Key: key,
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

/** Keys (with ETags) under a prefix, in key order, at most `max`, after `startAfter`. */
export async function listObjectEntries(
  at: OwnedBucket,
  prefix: string,
  max: number,
  startAfter?: string,
): Promise<{ key: string; etag: string }[]> {
  const { s3 } = await getClients(at.region);
  return awsCall("list the audit bucket", async () => {
    const out: { key: string; etag: string }[] = [];
    const input = {
      Bucket: at.bucket,
      ExpectedBucketOwner: at.owner,
      Prefix: prefix,
      StartAfter: startAfter,
    };
    for await (const page of paginateListObjectsV2(
      { client: s3, pageSize: Math.min(1000, max) },
      input,
    )) {
      out.push(...(page.Contents ?? []).map((c) => ({ key: c.Key!, etag: c.ETag ?? "" })));
      if (out.length >= max) break;
    }
    return out.slice(0, max);
  });
}
