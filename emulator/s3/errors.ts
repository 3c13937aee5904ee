/** S3's errors for a missing bucket, key or version. */
import { AwsError } from "../http";

export const noSuchBucket = (bucket: string) =>
  new AwsError(404, "NoSuchBucket", "The specified bucket does not exist", {
    fields: { BucketName: bucket },
  });
export const noSuchKey = (key: string, headers?: Record<string, string>) =>
  new AwsError(404, "NoSuchKey", "The specified key does not exist.", {
    fields: { Key: key },
    headers,
  });
export const noSuchVersion = (key: string, versionId: string) =>
  new AwsError(404, "NoSuchVersion", "The specified version does not exist.", {
    fields: { Key: key, VersionId: versionId },
  });
