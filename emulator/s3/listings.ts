/**
 * S3 listings: ListObjectVersions (with key and version markers) and
 * ListObjectsV2 (continuation tokens, StartAfter).
 */

import { AwsError, type EmulatorRequest } from "../http";
import type { Handler } from "../route-table";
import { type ObjectVersion } from "../state";
import { getBucket } from "./buckets-state";
import { latest } from "./objects-state";
import { escapeXml, iso, OWNER, xml } from "./xml";

function maxKeys(req: EmulatorRequest): number {
  const raw = req.url.searchParams.get("max-keys");
  if (raw === null) return 1000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new AwsError(400, "InvalidArgument", "max-keys must be a non-negative integer");
  return Math.min(n, 1000);
}

export const listObjectVersions: Handler = (req, ctx, { Bucket: bucketName }) => {
  const bucket = getBucket(ctx.state, bucketName!);
  const q = req.url.searchParams;
  const prefix = q.get("prefix") ?? "";
  const keyMarker = q.get("key-marker") ?? "";
  const versionMarker = q.get("version-id-marker") ?? "";
  const limit = maxKeys(req);
  // Keys in order; each key's versions newest first.
  const rows: { key: string; v: ObjectVersion; isLatest: boolean }[] = [];
  for (const key of Object.keys(bucket.objects).sort()) {
    if (!key.startsWith(prefix)) continue;
    const versions = bucket.objects[key]!;
    versions
      .slice()
      .reverse()
      .forEach((v, i) => rows.push({ key, v, isLatest: i === 0 }));
  }
  let start = 0;
  if (keyMarker) {
    if (versionMarker) {
      const i = rows.findIndex((r) => r.key === keyMarker && r.v.versionId === versionMarker);
      start = i >= 0 ? i + 1 : rows.findIndex((r) => r.key > keyMarker);
    } else {
      start = rows.findIndex((r) => r.key > keyMarker);
    }
    if (start < 0) start = rows.length;
  }
  const slice = rows.slice(start, start + limit);
  const truncated = start + limit < rows.length;
  const entries = slice
    .map(({ key, v, isLatest }) =>
      v.deleteMarker
        ? `<DeleteMarker><Key>${escapeXml(key)}</Key><VersionId>${v.versionId}</VersionId><IsLatest>${isLatest}</IsLatest><LastModified>${iso(v.lastModified)}</LastModified>${OWNER}</DeleteMarker>`
        : `<Version><Key>${escapeXml(key)}</Key><VersionId>${v.versionId}</VersionId><IsLatest>${isLatest}</IsLatest><LastModified>${iso(v.lastModified)}</LastModified><ETag>${escapeXml(v.etag)}</ETag><Size>${v.size}</Size><StorageClass>STANDARD</StorageClass>${OWNER}</Version>`,
    )
    .join("");
  const last = slice[slice.length - 1];
  const next =
    truncated && last
      ? `<NextKeyMarker>${escapeXml(last.key)}</NextKeyMarker><NextVersionIdMarker>${last.v.versionId}</NextVersionIdMarker>`
      : "";
  return xml(
    200,
    `<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escapeXml(bucket.name)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyMarker>${escapeXml(keyMarker)}</KeyMarker><VersionIdMarker>${escapeXml(versionMarker)}</VersionIdMarker><MaxKeys>${limit}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${next}${entries}</ListVersionsResult>`,
  );
};

export const listObjectsV2: Handler = (req, ctx, { Bucket: bucketName }) => {
  const bucket = getBucket(ctx.state, bucketName!);
  const q = req.url.searchParams;
  const prefix = q.get("prefix") ?? "";
  const token = q.get("continuation-token");
  const startAfter = token
    ? Buffer.from(token, "base64url").toString("utf8")
    : (q.get("start-after") ?? "");
  const limit = maxKeys(req);
  const keys = Object.keys(bucket.objects)
    .sort()
    .filter((k) => k.startsWith(prefix) && k > startAfter)
    .filter((k) => !latest(bucket.objects[k])!.deleteMarker);
  const slice = keys.slice(0, limit);
  const truncated = keys.length > limit;
  const contents = slice
    .map((k) => {
      const v = latest(bucket.objects[k])!;
      return `<Contents><Key>${escapeXml(k)}</Key><LastModified>${iso(v.lastModified)}</LastModified><ETag>${escapeXml(v.etag)}</ETag><Size>${v.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
    })
    .join("");
  const next = truncated
    ? `<NextContinuationToken>${Buffer.from(slice[slice.length - 1]!).toString("base64url")}</NextContinuationToken>`
    : "";
  return xml(
    200,
    `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escapeXml(bucket.name)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${slice.length}</KeyCount><MaxKeys>${limit}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${token ? `<ContinuationToken>${escapeXml(token)}</ContinuationToken>` : ""}${next}${contents}</ListBucketResult>`,
  );
};
