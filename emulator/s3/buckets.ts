/**
 * S3 buckets: ListBuckets, CreateBucket, HeadBucket, DeleteBucket,
 * GetBucketLocation, GetBucketVersioning and PutBucketVersioning.
 */
import { AwsError } from "../http";
import type { Handler } from "../route-table";
import type { Bucket } from "../state";
import { escapeXml, getBucket, iso, OWNER, xml } from "./common";

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const listBuckets: Handler = (_req, ctx) =>
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
  );

export const putBucketVersioning: Handler = (req, ctx, { Bucket: bucket }) => {
  const b = getBucket(ctx.state, bucket!);
  const status = /<Status>\s*(Enabled|Suspended)\s*<\/Status>/.exec(req.body.toString("utf8"))?.[1];
  if (!status)
    throw new AwsError(
      400,
      "MalformedXML",
      "The XML you provided was not well-formed or did not validate against our published schema",
    );
  b.versioning = status as Bucket["versioning"];
  return { status: 200 };
};

export const getBucketVersioning: Handler = (_req, ctx, { Bucket: bucket }) => {
  const b = getBucket(ctx.state, bucket!);
  return xml(
    200,
    `<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${b.versioning ? `<Status>${b.versioning}</Status>` : ""}</VersioningConfiguration>`,
  );
};

export const getBucketLocation: Handler = (_req, ctx, { Bucket: bucket }) => {
  const b = getBucket(ctx.state, bucket!);
  return xml(
    200,
    `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${b.region === "us-east-1" ? "" : b.region}</LocationConstraint>`,
  );
};

export const headBucket: Handler = (_req, ctx, { Bucket: bucket }) => {
  const b = getBucket(ctx.state, bucket!);
  return { status: 200, headers: { "x-amz-bucket-region": b.region } };
};

export const createBucket: Handler = (req, ctx, { Bucket: bucket }) => {
  if (!BUCKET_NAME.test(bucket!))
    throw new AwsError(400, "InvalidBucketName", "The specified bucket is not valid.", {
      fields: { BucketName: bucket! },
    });
  if (ctx.state.buckets[bucket!]) {
    throw new AwsError(
      409,
      "BucketAlreadyOwnedByYou",
      "Your previous request to create the named bucket succeeded and you already own it.",
      { fields: { BucketName: bucket! } },
    );
  }
  const location = /<LocationConstraint>\s*([a-z0-9-]+)\s*<\/LocationConstraint>/.exec(
    req.body.toString("utf8"),
  )?.[1];
  ctx.state.buckets[bucket!] = {
    name: bucket!,
    region: location ?? req.region,
    createdAt: ctx.now(),
    objects: {},
  };
  return { status: 200, headers: { location: `/${bucket}` } };
};

export const deleteBucket: Handler = (_req, ctx, { Bucket: bucket }) => {
  const b = getBucket(ctx.state, bucket!);
  if (Object.keys(b.objects).length > 0)
    throw new AwsError(409, "BucketNotEmpty", "The bucket you tried to delete is not empty", {
      fields: { BucketName: bucket! },
    });
  delete ctx.state.buckets[bucket!];
  return { status: 204 };
};
