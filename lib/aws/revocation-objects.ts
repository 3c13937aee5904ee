import "server-only";
/**
 * S3: a domain's revocation lists, one versioned object beside its
 * truststore (lib/revocation/document.ts says what is in it). Every call
 * names the bucket's owner, as truststore calls do.
 */
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getClients } from "./config";
import { AwsFailure, awsReadOrNull, toAwsFailure } from "./errors";
import { isPreconditionFailed } from "./json-objects";
import { truststoreOwner, type S3Location } from "./s3";

/** Lists larger than this are refused rather than read into memory (a CRL of ~100,000 serials is ~4 MB). */
export const MAX_REVOCATION_BYTES = 8 * 1024 * 1024;

export interface RevocationObject {
  text: string;
  versionId: string;
  etag: string;
}

/** The lists as stored (a version of them when asked), or null when the domain has none yet. */
export async function readRevocationObject(
  location: S3Location,
  region: string,
  versionId?: string,
): Promise<RevocationObject | null> {
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  return awsReadOrNull("read the revocation lists from S3", "NoSuchKey", async () => {
    const res = await s3.send(
      new GetObjectCommand({
        Bucket: location.bucket,
        ExpectedBucketOwner: owner,
        Key: location.key,
        VersionId: versionId,
      }),
    );
    if ((res.ContentLength ?? 0) > MAX_REVOCATION_BYTES)
      throw new AwsFailure(
        `The revocation lists are ${res.ContentLength} bytes, more than the ${MAX_REVOCATION_BYTES} this console reads.`,
        "TooLarge",
      );
    return {
      text: await res.Body!.transformToString("utf-8"),
      versionId: res.VersionId ?? versionId ?? "null",
      etag: res.ETag ?? "",
    };
  });
}

/**
 * Writes a new version of the lists; its version id (the bucket must be
 * versioned). Conditional on the version read (its ETag, or none yet), so a
 * write from outside the console in between is never overwritten: it
 * answers "changed" and nothing is written.
 */
export async function writeRevocationObject(
  location: S3Location,
  text: string,
  region: string,
  readEtag: string | null,
): Promise<{ versionId: string; requestId?: string } | "changed"> {
  if (Buffer.byteLength(text) > MAX_REVOCATION_BYTES)
    throw new AwsFailure(
      `The revocation lists would be ${Buffer.byteLength(text)} bytes, more than the ${MAX_REVOCATION_BYTES} this console reads back: nothing was written.`,
      "TooLarge",
    );
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  let res;
  try {
    res = await s3.send(
      new PutObjectCommand({
        Bucket: location.bucket,
        ExpectedBucketOwner: owner,
        Key: location.key,
        Body: text,
        ContentType: "application/json",
        ...(readEtag ? { IfMatch: readEtag } : { IfNoneMatch: "*" }),
      }),
    );
  } catch (error) {
    if (isPreconditionFailed(error)) return "changed";
    throw toAwsFailure(error, "write the revocation lists to S3");
  }
  if (!res.VersionId || res.VersionId === "null")
    throw new AwsFailure(
      "S3 returned no version id for the revocation lists: the bucket is not versioned.",
      "Unversioned",
    );
  return { versionId: res.VersionId, requestId: res.$metadata.requestId };
}
