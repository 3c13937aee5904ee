/**
 * What the S3 handlers share: XML, errors, buckets, versions and object headers.
 */

import { AwsError, type Reply } from "../http";
import { randomId, type Bucket, type EmulatorState, type ObjectVersion } from "../state";

export const OWNER =
  "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>emulator</DisplayName></Owner>";

export function escapeXml(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );
}

export function xml(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/xml", ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}

export function s3Error(err: AwsError, requestId: string): Reply {
  const fields = Object.entries(err.extra.fields ?? {})
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join("");
  return xml(
    err.status,
    `<Error><Code>${err.code}</Code><Message>${escapeXml(err.message)}</Message>${fields}<RequestId>${requestId}</RequestId></Error>`,
    err.extra.headers,
  );
}

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

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, ".000Z");
export const httpDate = (ms: number) => new Date(ms).toUTCString();

export function getBucket(state: EmulatorState, name: string): Bucket {
  const bucket = state.buckets[name];
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

/** Version ids of AWS's shape: 32 URL-safe characters. */
export function newVersionId(): string {
  return randomId(32).replace(/^./, (c) => c.toUpperCase());
}

export function latest(versions: ObjectVersion[] | undefined): ObjectVersion | undefined {
  return versions?.[versions.length - 1];
}

export function findVersion(bucket: Bucket, key: string, versionId: string | null): ObjectVersion {
  const versions = bucket.objects[key];
  if (versionId === null) {
    const current = latest(versions);
    if (!current) throw noSuchKey(key);
    if (current.deleteMarker)
      throw noSuchKey(key, {
        "x-amz-delete-marker": "true",
        "x-amz-version-id": current.versionId,
      });
    return current;
  }
  const found = versions?.find((v) => v.versionId === versionId);
  if (!found) {
    if (!/^[A-Za-z0-9._-]{1,1024}$/.test(versionId))
      throw new AwsError(400, "InvalidArgument", "Invalid version id specified", {
        fields: { ArgumentName: "versionId", ArgumentValue: versionId },
      });
    throw noSuchVersion(key, versionId);
  }
  if (found.deleteMarker) {
    throw new AwsError(
      405,
      "MethodNotAllowed",
      "The specified method is not allowed against this resource.",
      {
        headers: {
          "x-amz-delete-marker": "true",
          "x-amz-version-id": found.versionId,
          allow: "DELETE",
        },
      },
    );
  }
  return found;
}

/**
 * For API Gateway's truststore reads: the object version's body, or why it
 * cannot be read (in API Gateway's words).
 */
export function readObjectForTruststore(
  state: EmulatorState,
  bucketName: string,
  key: string,
  versionId: string | undefined,
): { body: Buffer; versionId: string } | { error: string } {
  const where = `s3://${bucketName}/${key}${versionId ? ` (version ${versionId})` : ""}`;
  const bucket = state.buckets[bucketName];
  if (!bucket)
    return { error: `Unable to read the truststore ${where}: the bucket does not exist.` };
  try {
    const v = findVersion(bucket, key, versionId ?? null);
    return { body: Buffer.from(v.body, "base64"), versionId: v.versionId };
  } catch (error) {
    const code = error instanceof AwsError ? error.code : "error";
    return {
      error: `Unable to read the truststore ${where}: ${code === "NoSuchVersion" ? "the version does not exist" : "the object does not exist"}.`,
    };
  }
}

export function objectHeaders(v: ObjectVersion, bucket: Bucket): Record<string, string> {
  const headers: Record<string, string> = {
    etag: v.etag,
    "content-type": v.contentType,
    "content-length": String(v.size),
    "last-modified": httpDate(v.lastModified),
    "accept-ranges": "bytes",
  };
  if (bucket.versioning) headers["x-amz-version-id"] = v.versionId;
  for (const [k, value] of Object.entries(v.metadata)) headers[`x-amz-meta-${k}`] = value;
  return headers;
}
