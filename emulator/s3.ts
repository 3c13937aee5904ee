/**
 * S3 (REST-XML), path-style and virtual-host style: buckets, versioning,
 * objects with versions and delete markers, listings. Enough of S3 for
 * truststores, with AWS's XML, ETags and error codes.
 */
import { createHash } from "node:crypto";
import {
  AwsError,
  header,
  type Context,
  type EmulatorRequest,
  type Reply,
  type Route,
} from "./http";
import { ACCOUNT_ID, randomId, type Bucket, type EmulatorState, type ObjectVersion } from "./state";

const OWNER =
  "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>emulator</DisplayName></Owner>";

function escapeXml(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );
}

function xml(status: number, body: string, headers: Record<string, string> = {}): Reply {
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

const noSuchBucket = (bucket: string) =>
  new AwsError(404, "NoSuchBucket", "The specified bucket does not exist", {
    fields: { BucketName: bucket },
  });
const noSuchKey = (key: string, headers?: Record<string, string>) =>
  new AwsError(404, "NoSuchKey", "The specified key does not exist.", {
    fields: { Key: key },
    headers,
  });
const noSuchVersion = (key: string, versionId: string) =>
  new AwsError(404, "NoSuchVersion", "The specified version does not exist.", {
    fields: { Key: key, VersionId: versionId },
  });

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, ".000Z");
const httpDate = (ms: number) => new Date(ms).toUTCString();

function getBucket(state: EmulatorState, name: string): Bucket {
  const bucket = state.buckets[name];
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

/** Version ids of AWS's shape: 32 URL-safe characters. */
function newVersionId(): string {
  return randomId(32).replace(/^./, (c) => c.toUpperCase());
}

function latest(versions: ObjectVersion[] | undefined): ObjectVersion | undefined {
  return versions?.[versions.length - 1];
}

function findVersion(bucket: Bucket, key: string, versionId: string | null): ObjectVersion {
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

/** Bodies sent with `Content-Encoding: aws-chunked` (the SDK's streaming uploads with trailing checksums). */
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

function putObject(req: EmulatorRequest, ctx: Context, bucketName: string, key: string): Reply {
  const bucket = getBucket(ctx.state, bucketName);
  checkConditions(req, latest(bucket.objects[key]), key);
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
  const versions = (bucket.objects[key] ??= []);
  if (bucket.versioning !== "Enabled") {
    // Unversioned or suspended: the "null" version is replaced.
    const i = versions.findIndex((v) => v.versionId === "null");
    if (i >= 0) versions.splice(i, 1);
  }
  versions.push(version);
  const headers: Record<string, string> = { etag: version.etag };
  if (bucket.versioning) headers["x-amz-version-id"] = version.versionId;
  return { status: 200, headers };
}

function deleteObject(req: EmulatorRequest, ctx: Context, bucketName: string, key: string): Reply {
  const bucket = getBucket(ctx.state, bucketName);
  const versionId = req.url.searchParams.get("versionId");
  checkConditions(req, latest(bucket.objects[key]), key);
  const versions = (bucket.objects[key] ??= []);
  if (versionId !== null) {
    const i = versions.findIndex((v) => v.versionId === versionId);
    const headers: Record<string, string> = { "x-amz-version-id": versionId };
    if (i >= 0) {
      if (versions[i]!.deleteMarker) headers["x-amz-delete-marker"] = "true";
      versions.splice(i, 1);
    }
    if (versions.length === 0) delete bucket.objects[key];
    return { status: 204, headers };
  }
  if (!bucket.versioning) {
    delete bucket.objects[key];
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
}

function maxKeys(req: EmulatorRequest): number {
  const raw = req.url.searchParams.get("max-keys");
  if (raw === null) return 1000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new AwsError(400, "InvalidArgument", "max-keys must be a non-negative integer");
  return Math.min(n, 1000);
}

function listObjectVersions(req: EmulatorRequest, ctx: Context, bucketName: string): Reply {
  const bucket = getBucket(ctx.state, bucketName);
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
}

function listObjectsV2(req: EmulatorRequest, ctx: Context, bucketName: string): Reply {
  const bucket = getBucket(ctx.state, bucketName);
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
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Bucket and key from a path-style or virtual-host style request. */
function locate(req: EmulatorRequest): { bucket?: string; key?: string } {
  const segments = req.rawPath.split("/").slice(1);
  if (req.virtualHostBucket) {
    const key = segments.join("/");
    return { bucket: req.virtualHostBucket, key: key ? decodeURIComponent(key) : undefined };
  }
  const [bucket, ...rest] = segments;
  const key = rest.join("/");
  return {
    bucket: bucket ? decodeURIComponent(bucket) : undefined,
    key: key ? decodeURIComponent(key) : undefined,
  };
}

export function route(req: EmulatorRequest): Route | null {
  const { bucket, key } = locate(req);
  const q = req.url.searchParams;
  const m = req.method;
  const r = (operation: string, mutates: boolean, run: Route["run"]): Route => ({
    operation,
    mutates,
    run,
  });
  // ExpectedBucketOwner: every bucket here belongs to the emulator's one account.
  const expectedOwner = header(req, "x-amz-expected-bucket-owner");
  if (bucket && expectedOwner !== undefined && expectedOwner !== ACCOUNT_ID) {
    return r("ExpectedBucketOwnerMismatch", false, () => {
      throw new AwsError(403, "AccessDenied", "Access Denied");
    });
  }

  if (!bucket) {
    if (m === "GET") {
      return r("ListBuckets", false, (ctx) =>
        xml(
          200,
          `<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${OWNER}<Buckets>${Object.values(
            ctx.state.buckets,
          )
            .sort((a, b) => a.name.localeCompare(b.name))
            .map(
              (b) =>
                `<Bucket><Name>${escapeXml(b.name)}</Name><CreationDate>${iso(b.createdAt)}</CreationDate><BucketRegion>${b.region}</BucketRegion></Bucket>`,
            )
            .join("")}</Buckets></ListAllMyBucketsResult>`,
        ),
      );
    }
    return null;
  }

  if (key === undefined) {
    if (m === "PUT" && q.has("versioning")) {
      return r("PutBucketVersioning", true, (ctx) => {
        const b = getBucket(ctx.state, bucket);
        const status = /<Status>\s*(Enabled|Suspended)\s*<\/Status>/.exec(
          req.body.toString("utf8"),
        )?.[1];
        if (!status)
          throw new AwsError(
            400,
            "MalformedXML",
            "The XML you provided was not well-formed or did not validate against our published schema",
          );
        b.versioning = status as Bucket["versioning"];
        return { status: 200 };
      });
    }
    if (m === "GET" && q.has("versioning")) {
      return r("GetBucketVersioning", false, (ctx) => {
        const b = getBucket(ctx.state, bucket);
        return xml(
          200,
          `<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${b.versioning ? `<Status>${b.versioning}</Status>` : ""}</VersioningConfiguration>`,
        );
      });
    }
    if (m === "GET" && q.has("versions"))
      return r("ListObjectVersions", false, (ctx) => listObjectVersions(req, ctx, bucket));
    if (m === "GET" && q.has("location")) {
      return r("GetBucketLocation", false, (ctx) => {
        const b = getBucket(ctx.state, bucket);
        return xml(
          200,
          `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${b.region === "us-east-1" ? "" : b.region}</LocationConstraint>`,
        );
      });
    }
    if (m === "GET")
      return r(q.get("list-type") === "2" ? "ListObjectsV2" : "ListObjects", false, (ctx) =>
        listObjectsV2(req, ctx, bucket),
      );
    if (m === "HEAD") {
      return r("HeadBucket", false, (ctx) => {
        const b = getBucket(ctx.state, bucket);
        return { status: 200, headers: { "x-amz-bucket-region": b.region } };
      });
    }
    if (m === "PUT") {
      return r("CreateBucket", true, (ctx) => {
        if (!BUCKET_NAME.test(bucket))
          throw new AwsError(400, "InvalidBucketName", "The specified bucket is not valid.", {
            fields: { BucketName: bucket },
          });
        if (ctx.state.buckets[bucket]) {
          throw new AwsError(
            409,
            "BucketAlreadyOwnedByYou",
            "Your previous request to create the named bucket succeeded and you already own it.",
            { fields: { BucketName: bucket } },
          );
        }
        const location = /<LocationConstraint>\s*([a-z0-9-]+)\s*<\/LocationConstraint>/.exec(
          req.body.toString("utf8"),
        )?.[1];
        ctx.state.buckets[bucket] = {
          name: bucket,
          region: location ?? req.region,
          createdAt: ctx.now(),
          objects: {},
        };
        return { status: 200, headers: { location: `/${bucket}` } };
      });
    }
    if (m === "DELETE") {
      return r("DeleteBucket", true, (ctx) => {
        const b = getBucket(ctx.state, bucket);
        if (Object.keys(b.objects).length > 0)
          throw new AwsError(409, "BucketNotEmpty", "The bucket you tried to delete is not empty", {
            fields: { BucketName: bucket },
          });
        delete ctx.state.buckets[bucket];
        return { status: 204 };
      });
    }
    return null;
  }

  if (m === "PUT") return r("PutObject", true, (ctx) => putObject(req, ctx, bucket, key));
  if (m === "GET" || m === "HEAD") {
    return r(m === "GET" ? "GetObject" : "HeadObject", false, (ctx) => {
      const b = getBucket(ctx.state, bucket);
      const v = findVersion(b, key, q.get("versionId"));
      const body = Buffer.from(v.body, "base64");
      return { status: 200, headers: objectHeaders(v, b), body: m === "GET" ? body : undefined };
    });
  }
  if (m === "DELETE") return r("DeleteObject", true, (ctx) => deleteObject(req, ctx, bucket, key));
  return null;
}
