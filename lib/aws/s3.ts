import "server-only";
/**
 * S3: truststore objects and their versions.
 */
import {
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import {
  TRUSTSTORE_METADATA_KEYS,
  type TruststoreMetadata,
  type TruststoreVersion,
} from "../model/domain";
import { LRUCache } from "lru-cache";
import { MAX_TRUSTSTORE_BYTES } from "../truststore/types";
import { callerAccount } from "./account";
import { getClients } from "./config";
import { AwsFailure, awsCall } from "./errors";

export interface S3Location {
  bucket: string;
  key: string;
}

export function parseS3Uri(uri: string): S3Location | null {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return match ? { bucket: match[1]!, key: match[2]! } : null;
}

/**
 * The account every truststore bucket must belong to (ExpectedBucketOwner on
 * every truststore call): TRUSTSTORE_BUCKET_OWNER where set, else the
 * caller's own account. A bucket someone else owns (a deleted bucket's name
 * taken over, a look-alike name) is refused by S3, never read or written.
 */
export async function truststoreOwner(region: string): Promise<string> {
  const set = process.env.TRUSTSTORE_BUCKET_OWNER?.trim();
  if (set) {
    if (!/^\d{12}$/.test(set))
      throw new AwsFailure(
        "TRUSTSTORE_BUCKET_OWNER must be a 12-digit AWS account id.",
        "BadOwner",
      );
    return set;
  }
  return callerAccount(region);
}

/** Versions of exactly this key, newest first (delete markers included). */
export async function listObjectVersions(
  location: S3Location,
  region: string,
): Promise<TruststoreVersion[]> {
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  const out: TruststoreVersion[] = [];
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  do {
    const page = await awsCall("list the truststore's S3 versions", () =>
      s3.send(
        new ListObjectVersionsCommand({
          Bucket: location.bucket,
          ExpectedBucketOwner: owner,
          Prefix: location.key,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
        }),
      ),
    );
    for (const v of page.Versions ?? []) {
      if (v.Key !== location.key) continue;
      out.push({
        versionId: v.VersionId ?? "null",
        lastModified: (v.LastModified ?? new Date(0)).toISOString(),
        size: v.Size ?? 0,
        isLatest: !!v.IsLatest,
        deleteMarker: false,
      });
    }
    for (const m of page.DeleteMarkers ?? []) {
      if (m.Key !== location.key) continue;
      out.push({
        versionId: m.VersionId ?? "null",
        lastModified: (m.LastModified ?? new Date(0)).toISOString(),
        size: 0,
        isLatest: !!m.IsLatest,
        deleteMarker: true,
      });
    }
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker);
  return out.sort(
    (a, b) =>
      b.lastModified.localeCompare(a.lastModified) || Number(b.isLatest) - Number(a.isLatest),
  );
}

export interface ObjectVersionContent {
  body: Uint8Array;
  versionId: string;
  metadata: TruststoreMetadata;
}

function toMetadata(raw: Record<string, string> | undefined): TruststoreMetadata {
  const out: TruststoreMetadata = {};
  if (!raw) return out;
  if (raw[TRUSTSTORE_METADATA_KEYS.uploadedBy])
    out.uploadedBy = raw[TRUSTSTORE_METADATA_KEYS.uploadedBy];
  if (raw[TRUSTSTORE_METADATA_KEYS.sha256]) out.sha256 = raw[TRUSTSTORE_METADATA_KEYS.sha256];
  const count = Number(raw[TRUSTSTORE_METADATA_KEYS.certificateCount]);
  if (Number.isInteger(count)) out.certificateCount = count;
  return out;
}

/** Content types that are no truststore, whatever their size. */
const NOT_A_TRUSTSTORE =
  /^(application\/(json|zip|gzip|pdf|x-tar)|image\/|audio\/|video\/|text\/html)/i;

/** Objects refused for their size or type, kept: a refused object is never asked about again. */
const refusedObjects = new LRUCache<string, string>({ max: 1000 });

/**
 * Why an object version cannot be a truststore, from a HEAD alone (its size
 * over API Gateway's 1,000,000 bytes, or a content type no truststore has),
 * or null. Nothing is downloaded to find out, and a refusal is kept.
 */
async function refusalOf(
  location: S3Location,
  versionId: string | undefined,
  region: string,
): Promise<string | null> {
  const id = `${location.bucket}/${location.key}#${versionId ?? "latest"}`;
  const kept = refusedObjects.get(id);
  if (kept) return kept;
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  const head = await awsCall("read the truststore's size from S3", () =>
    s3.send(
      new HeadObjectCommand({
        Bucket: location.bucket,
        ExpectedBucketOwner: owner,
        Key: location.key,
        VersionId: versionId,
      }),
    ),
  );
  const size = head.ContentLength ?? 0;
  const refusal =
    size > MAX_TRUSTSTORE_BYTES
      ? `The object is ${size.toLocaleString("en-US")} bytes; a truststore is at most ${MAX_TRUSTSTORE_BYTES.toLocaleString("en-US")} (API Gateway's quota), so it was not downloaded.`
      : head.ContentType && NOT_A_TRUSTSTORE.test(head.ContentType)
        ? `The object is ${head.ContentType.split(";")[0]}, not a truststore, so it was not downloaded.`
        : null;
  if (refusal && versionId) refusedObjects.set(id, refusal);
  return refusal;
}

export async function getObjectVersion(
  location: S3Location,
  versionId: string | undefined,
  region: string,
): Promise<ObjectVersionContent> {
  const refused = await refusalOf(location, versionId, region);
  if (refused) throw new AwsFailure(`Could not read the truststore: ${refused}`, "NotATruststore");
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  return awsCall("read the truststore from S3", async () => {
    const res = await s3.send(
      new GetObjectCommand({
        Bucket: location.bucket,
        ExpectedBucketOwner: owner,
        Key: location.key,
        VersionId: versionId,
      }),
    );
    const body = await res.Body!.transformToByteArray();
    return {
      body,
      versionId: res.VersionId ?? versionId ?? "null",
      metadata: toMetadata(res.Metadata),
    };
  });
}

export async function getBucketVersioning(
  bucket: string,
  region: string,
): Promise<"Enabled" | "Suspended" | "Disabled"> {
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  const res = await awsCall("read the bucket's versioning setting", () =>
    s3.send(new GetBucketVersioningCommand({ Bucket: bucket, ExpectedBucketOwner: owner })),
  );
  return res.Status === "Enabled"
    ? "Enabled"
    : res.Status === "Suspended"
      ? "Suspended"
      : "Disabled";
}

export async function putBucketVersioningEnabled(bucket: string, region: string): Promise<void> {
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  await awsCall("enable versioning on the bucket", () =>
    s3.send(
      new PutBucketVersioningCommand({
        Bucket: bucket,
        ExpectedBucketOwner: owner,
        VersioningConfiguration: { Status: "Enabled" },
      }),
    ),
  );
}

/** Writes a new version; returns its version id. */
export async function putTruststoreObject(
  location: S3Location,
  body: Uint8Array,
  metadata: Required<TruststoreMetadata>,
  region: string,
): Promise<{ versionId: string; requestId?: string }> {
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  const res = await awsCall("upload the truststore to S3", () =>
    s3.send(
      new PutObjectCommand({
        Bucket: location.bucket,
        ExpectedBucketOwner: owner,
        Key: location.key,
        Body: body,
        ContentType: "application/x-pem-file",
        Metadata: {
          [TRUSTSTORE_METADATA_KEYS.uploadedBy]: metadata.uploadedBy,
          [TRUSTSTORE_METADATA_KEYS.sha256]: metadata.sha256,
          [TRUSTSTORE_METADATA_KEYS.certificateCount]: String(metadata.certificateCount),
        },
      }),
    ),
  );
  if (!res.VersionId || res.VersionId === "null") {
    throw new Error("S3 returned no version id: the bucket is not versioned.");
  }
  return { versionId: res.VersionId, requestId: res.$metadata.requestId };
}
