import "server-only";
/**
 * S3: a domain's revocation lists, one versioned object beside its
 * truststore (lib/revocation/document.ts says what is in it). Every call
 * names the bucket's owner, as truststore calls do.
 */
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getClients } from "./config";
import { AwsFailure, awsCall, awsReadOrNull } from "./errors";
import { truststoreOwner, type S3Location } from "./s3";

/** Lists larger than this are refused rather than read into memory (a CRL of ~100,000 serials is ~4 MB). */
export const MAX_REVOCATION_BYTES = 8 * 1024 * 1024;

export interface RevocationObject {
  text: string;
  versionId: string;
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
    };
  });
}

/** Writes a new version of the lists; its version id (the bucket must be versioned). */
export async function writeRevocationObject(
  location: S3Location,
  text: string,
  region: string,
): Promise<{ versionId: string; requestId?: string }> {
  const { s3 } = await getClients(region);
  const owner = await truststoreOwner(region);
  const res = await awsCall("write the revocation lists to S3", () =>
    s3.send(
      new PutObjectCommand({
        Bucket: location.bucket,
        ExpectedBucketOwner: owner,
        Key: location.key,
        Body: text,
        ContentType: "application/json",
      }),
    ),
  );
  if (!res.VersionId || res.VersionId === "null")
    throw new AwsFailure(
      "S3 returned no version id for the revocation lists: the bucket is not versioned.",
      "Unversioned",
    );
  return { versionId: res.VersionId, requestId: res.$metadata.requestId };
}
