/**
 * S3 objects in the emulator's state: versions and delete markers, the
 * lookups GetObject and the truststore reads use, the conditions of
 * conditional writes checked against the current object, and the changes
 * PutObject and DeleteObject make. The wire side is ./objects-wire.ts.
 */
import { createHash } from "node:crypto";
import { AwsError } from "../http";
import { randomId, type Bucket, type AccountState, type ObjectVersion } from "../state";
import { noSuchKey, noSuchVersion } from "./errors";

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
  state: AccountState,
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

/** A conditional write's or delete's conditions: If-None-Match and If-Match, as sent. */
export interface Conditions {
  ifNoneMatch?: string;
  ifMatch?: string;
}

/**
 * S3's conditional writes and deletes: If-None-Match: * (only when no
 * current object exists) and If-Match: ETag (only while the current object
 * has that ETag; `*` for any). A missing object fails If-Match with 404.
 */
export function checkConditions(bucket: Bucket, key: string, conditions: Conditions): void {
  const current = latest(bucket.objects[key]);
  const live = current && !current.deleteMarker ? current : undefined;
  if (conditions.ifNoneMatch === "*" && live) {
    throw new AwsError(
      412,
      "PreconditionFailed",
      "At least one of the pre-conditions you specified did not hold",
      { fields: { Condition: "If-None-Match" } },
    );
  }
  const { ifMatch } = conditions;
  if (ifMatch === undefined) return;
  if (!live) throw noSuchKey(key);
  if (ifMatch !== "*" && ifMatch !== live.etag) {
    throw new AwsError(
      412,
      "PreconditionFailed",
      "At least one of the pre-conditions you specified did not hold",
      { fields: { Condition: "If-Match" } },
    );
  }
}

/** Adds a version (unversioned or suspended: replaces the "null" version). */
export function putVersion(
  bucket: Bucket,
  key: string,
  content: { body: Buffer; contentType: string; metadata: Record<string, string> },
  now: number,
): ObjectVersion {
  const version: ObjectVersion = {
    versionId: bucket.versioning === "Enabled" ? newVersionId() : "null",
    deleteMarker: false,
    body: content.body.toString("base64"),
    etag: `"${createHash("md5").update(content.body).digest("hex")}"`,
    size: content.body.length,
    lastModified: now,
    contentType: content.contentType,
    metadata: content.metadata,
  };
  const versions = (bucket.objects[key] ??= []);
  if (bucket.versioning !== "Enabled") {
    const i = versions.findIndex((v) => v.versionId === "null");
    if (i >= 0) versions.splice(i, 1);
  }
  versions.push(version);
  return version;
}

/** Removes one version; whether it was a delete marker. */
export function deleteVersion(bucket: Bucket, key: string, versionId: string): boolean {
  const versions = (bucket.objects[key] ??= []);
  const i = versions.findIndex((v) => v.versionId === versionId);
  let wasMarker = false;
  if (i >= 0) {
    wasMarker = versions[i]!.deleteMarker;
    versions.splice(i, 1);
  }
  if (versions.length === 0) delete bucket.objects[key];
  return wasMarker;
}

/** Deletes the current object: gone when unversioned, else a delete marker (returned). */
export function deleteCurrent(bucket: Bucket, key: string, now: number): ObjectVersion | null {
  const versions = (bucket.objects[key] ??= []);
  if (!bucket.versioning) {
    delete bucket.objects[key];
    return null;
  }
  const marker: ObjectVersion = {
    versionId: bucket.versioning === "Enabled" ? newVersionId() : "null",
    deleteMarker: true,
    body: "",
    etag: "",
    size: 0,
    lastModified: now,
    contentType: "",
    metadata: {},
  };
  if (marker.versionId === "null") {
    const i = versions.findIndex((v) => v.versionId === "null");
    if (i >= 0) versions.splice(i, 1);
  }
  versions.push(marker);
  return marker;
}
