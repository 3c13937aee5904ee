/**
 * S3 (REST-XML), path-style and virtual-host style: buckets, versioning,
 * objects with versions and delete markers, listings. Enough of S3 for
 * truststores, with AWS's XML, ETags and error codes.
 */
import type { EmulatorRequest, Route } from "../http";
import { routeTable, type Operation } from "../route-table";
import { checkBucketOwner } from "./bucket-owner";
import * as buckets from "./buckets-wire";
import { listObjectsV2, listObjectVersions } from "./listings";
import * as objects from "./objects-wire";

export { readObjectForTruststore } from "./objects-state";
export { s3Error } from "./xml";

const OPERATIONS: Operation[] = [
  ["GET", "/", "ListBuckets", false, buckets.listBuckets],
  ["PUT", "/{Bucket}?versioning", "PutBucketVersioning", true, buckets.putBucketVersioning],
  ["GET", "/{Bucket}?versioning", "GetBucketVersioning", false, buckets.getBucketVersioning],
  ["GET", "/{Bucket}?versions", "ListObjectVersions", false, listObjectVersions],
  ["GET", "/{Bucket}?location", "GetBucketLocation", false, buckets.getBucketLocation],
  ["GET", "/{Bucket}?list-type=2", "ListObjectsV2", false, listObjectsV2],
  ["GET", "/{Bucket}", "ListObjects", false, listObjectsV2],
  ["HEAD", "/{Bucket}", "HeadBucket", false, buckets.headBucket],
  ["PUT", "/{Bucket}", "CreateBucket", true, buckets.createBucket],
  ["DELETE", "/{Bucket}", "DeleteBucket", true, buckets.deleteBucket],
  ["PUT", "/{Bucket}/{Key+}", "PutObject", true, objects.putObject],
  ["GET", "/{Bucket}/{Key+}", "GetObject", false, objects.getObject],
  ["HEAD", "/{Bucket}/{Key+}", "HeadObject", false, objects.getObject],
  ["DELETE", "/{Bucket}/{Key+}", "DeleteObject", true, objects.deleteObject],
];

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

/** The bucket and the key are the request URI's two parts ({Bucket}, {Key+}). */
function bucketAndKey(req: EmulatorRequest): string[] {
  const { bucket, key } = locate(req);
  if (bucket === undefined) return [];
  return key === undefined ? [bucket] : [bucket, key];
}

const routeOperation = routeTable(OPERATIONS, { segments: bucketAndKey });

export function route(req: EmulatorRequest): Route | null {
  const found = routeOperation(req);
  const { bucket } = locate(req);
  if (!found || bucket === undefined) return found;
  return {
    ...found,
    run: (ctx) => {
      checkBucketOwner(req, ctx, bucket, found.operation);
      return found.run(ctx);
    },
  };
}
