/**
 * S3 objects on the wire: PutObject, GetObject, HeadObject and
 * DeleteObject, with aws-chunked bodies, x-amz-meta-* metadata, the
 * If-None-Match / If-Match conditions and the version headers. The state
 * side is ./objects-state.ts.
 */
import { AwsError, header, type EmulatorRequest } from "../http";
import type { Handler } from "../route-table";
import type { Bucket, ObjectVersion } from "../state";
import { getBucket } from "./buckets-state";
import {
  checkConditions,
  deleteCurrent,
  deleteVersion,
  findVersion,
  putVersion,
  type Conditions,
} from "./objects-state";
import { httpDate } from "./xml";

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

const conditionsOf = (req: EmulatorRequest): Conditions => ({
  ifNoneMatch: header(req, "if-none-match"),
  ifMatch: header(req, "if-match"),
});

function objectHeaders(v: ObjectVersion, bucket: Bucket): Record<string, string> {
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

export const putObject: Handler = (req, ctx, { Bucket: bucketName, Key: key }) => {
  const bucket = getBucket(ctx.state, bucketName!);
  checkConditions(bucket, key!, conditionsOf(req));
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
  const contentType = header(req, "content-type") ?? "binary/octet-stream";
  const version = putVersion(bucket, key!, { body, contentType, metadata }, ctx.now());
  const headers: Record<string, string> = { etag: version.etag };
  if (bucket.versioning) headers["x-amz-version-id"] = version.versionId;
  return { status: 200, headers };
};

/** "etag1", "etag2" or * (If-None-Match / If-Match values). */
const namesEtag = (value: string | undefined, etag: string) =>
  value !== undefined &&
  value.split(",").some((e) => e.trim() === "*" || e.trim().replace(/^W\//, "") === etag);

/** GetObject and HeadObject (no body); conditional on If-None-Match (304) and If-Match (412), as S3 is. */
export const getObject: Handler = (req, ctx, { Bucket: bucketName, Key: key }) => {
  const bucket = getBucket(ctx.state, bucketName!);
  const v = findVersion(bucket, key!, req.url.searchParams.get("versionId"));
  const ifMatch = header(req, "if-match");
  if (ifMatch !== undefined && !namesEtag(ifMatch, v.etag))
    throw new AwsError(
      412,
      "PreconditionFailed",
      "At least one of the pre-conditions you specified did not hold",
      {
        fields: { Condition: "If-Match" },
      },
    );
  if (namesEtag(header(req, "if-none-match"), v.etag))
    return { status: 304, headers: objectHeaders(v, bucket) };
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
  checkConditions(bucket, key!, conditionsOf(req));
  if (versionId !== null) {
    const headers: Record<string, string> = { "x-amz-version-id": versionId };
    if (deleteVersion(bucket, key!, versionId)) headers["x-amz-delete-marker"] = "true";
    return { status: 204, headers };
  }
  const marker = deleteCurrent(bucket, key!, ctx.now());
  if (!marker) return { status: 204 };
  return {
    status: 204,
    headers: { "x-amz-delete-marker": "true", "x-amz-version-id": marker.versionId },
  };
};
