/**
 * S3 (REST-XML), path-style and virtual-host style: buckets, versioning,
 * objects with versions and delete markers, listings. Enough of S3 for
 * truststores, with AWS's XML, ETags and error codes.
 */

import { AwsError, header, type EmulatorRequest, type Route } from "../http";
import { ACCOUNT_ID, type Bucket } from "../state";
import { escapeXml, findVersion, getBucket, iso, objectHeaders, OWNER, xml } from "./common";
import { listObjectsV2, listObjectVersions } from "./listings";
import { deleteObject, putObject } from "./objects";

export { readObjectForTruststore, s3Error } from "./common";

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
