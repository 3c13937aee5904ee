/**
 * S3 objects: PutObject, GetObject, HeadObject and DeleteObject with versions, delete markers,
 * aws-chunked bodies and conditional writes and deletes (If-None-Match,
 * If-Match on the ETag).
 */
import { createHash } from "node:crypto";
import { AwsError, header, type EmulatorRequest } from "../http";
import type { Handler } from "../route-table";
import { type ObjectVersion } from "../state";
import { findVersion, getBucket, latest, newVersionId, noSuchKey, objectHeaders } from "./common";

function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf("\r\n", offset);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(offset, lineEnd).toString("latin1").split(";")[0]!, 16);
    if (!Number.isFinite(size))
      throw new AwsError(400, "InvalidRequest", "Malformed aws-chunked body.");
    if (size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * S3's conditional writes and deletes: If-None-Match: * (only when no
 * current object exists) and If-Match: ETag (only while the current object
 * has that ETag; `*` for any). A missing object fails If-Match with 404.
 */
function checkConditions(
  req: EmulatorRequest,
  current: ObjectVersion | undefined,
  key: string,
): void {
  const live = current && !current.deleteMarker ? current : undefined;
  if (header(req, "if-none-match") === "*" && live) {
    throw new AwsError(
      412,
      "PreconditionFailed",
      "At least one of the pre-conditions you specified did not hold",
      { fields: { Condition: "If-None-Match" } },
    );
  }
  const ifMatch = header(req, "if-match");
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

export const putObject: Handler = (req, ctx, { Bucket: bucketName, Key: key }) => {
  const bucket = getBucket(ctx.state, bucketName!);
  checkConditions(req, latest(bucket.objects[key!]), key!);
  const encoding = header(req, "content-encoding") ?? "";
  const sha = header(req, "x-amz-content-sha256") ?? "";
  const body =
    encoding.includes("aws-chunked") || sha.startsWith("STREAMING-")
      ? decodeAwsChunked(req.body)
      : req.body;
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith("x-amz-meta-") && typeof value === "string")
      metadata[name.slice("x-amz-meta-".length)] = value;
  }
  const version: ObjectVersion = {
    versionId: bucket.versioning === "Enabled" ? newVersionId() : "null",
    deleteMarker: false,
    body: body.toString("base64"),
    etag: `"${createHash("md5").update(body).digest("hex")}"`,
    size: body.length,
    lastModified: ctx.now(),
    contentType: header(req, "content-type") ?? "binary/octet-stream",
    metadata,
  };
  const versions = (bucket.objects[key!] ??= []);
  if (bucket.versioning !== "Enabled") {
    // Unversioned or suspended: the "null" version is replaced.
    const i = versions.findIndex((v) => v.versionId === "null");
    if (i >= 0) versions.splice(i, 1);
  }
  versions.push(version);
  const headers: Record<string, string> = { etag: version.etag };
  if (bucket.versioning) headers["x-amz-version-id"] = version.versionId;
  return { status: 200, headers };
};

/** GetObject and HeadObject (no body). */
export const getObject: Handler = (req, ctx, { Bucket: bucketName, Key: key }) => {
  const bucket = getBucket(ctx.state, bucketName!);
  const v = findVersion(bucket, key!, req.url.searchParams.get("versionId"));
  const body = Buffer.from(v.body, "base64");
  return {
    status: 200,
    headers: objectHeaders(v, bucket),
    body: req.method === "GET" ? body : undefined,
  };
};

export const deleteObject: Handler = (req, ctx, { Bucket: bucketName, Key: key }) => {
  const bucket = getBucket(ctx.state, bucketName!);
  const versionId = req.url.searchParams.get("versionId");
  checkConditions(req, latest(bucket.objects[key!]), key!);
  const versions = (bucket.objects[key!] ??= []);
  if (versionId !== null) {
    const i = versions.findIndex((v) => v.versionId === versionId);
    const headers: Record<string, string> = { "x-amz-version-id": versionId };
    if (i >= 0) {
      if (versions[i]!.deleteMarker) headers["x-amz-delete-marker"] = "true";
      versions.splice(i, 1);
    }
    if (versions.length === 0) delete bucket.objects[key!];
    return { status: 204, headers };
  }
  if (!bucket.versioning) {
    delete bucket.objects[key!];
    return { status: 204 };
  }
  const marker: ObjectVersion = {
    versionId: bucket.versioning === "Enabled" ? newVersionId() : "null",
    deleteMarker: true,
    body: "",
    etag: "",
    size: 0,
    lastModified: ctx.now(),
    contentType: "",
    metadata: {},
  };
  if (marker.versionId === "null") {
    const i = versions.findIndex((v) => v.versionId === "null");
    if (i >= 0) versions.splice(i, 1);
  }
  versions.push(marker);
  return {
    status: 204,
    headers: { "x-amz-delete-marker": "true", "x-amz-version-id": marker.versionId },
  };
};
