/**
 * S3 buckets in the emulator's state: lookups, creation, deletion (only
 * when empty) and the versioning status. The wire side is ./buckets-wire.ts.
 */
import { AwsError } from "../http";
import type { Bucket, AccountState } from "../state";
import { noSuchBucket } from "./errors";

export function getBucket(state: AccountState, name: string): Bucket {
  const bucket = state.buckets[name];
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

/** Every bucket, by name. */
export function listBucketsByName(state: AccountState): Bucket[] {
  return Object.values(state.buckets).sort((a, b) => a.name.localeCompare(b.name));
}

export function refuseExistingBucket(state: AccountState, name: string): void {
  if (state.buckets[name]) {
    throw new AwsError(
      409,
      "BucketAlreadyOwnedByYou",
      "Your previous request to create the named bucket succeeded and you already own it.",
      { fields: { BucketName: name } },
    );
  }
}

export function addBucket(state: AccountState, bucket: Bucket): void {
  state.buckets[bucket.name] = bucket;
}

export function deleteEmptyBucket(state: AccountState, name: string): void {
  const bucket = getBucket(state, name);
  if (Object.keys(bucket.objects).length > 0)
    throw new AwsError(409, "BucketNotEmpty", "The bucket you tried to delete is not empty", {
      fields: { BucketName: name },
    });
  delete state.buckets[name];
}

export function setVersioning(bucket: Bucket, status: NonNullable<Bucket["versioning"]>): void {
  bucket.versioning = status;
}
