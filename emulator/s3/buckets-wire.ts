/**
 * S3 buckets on the wire: ListBuckets, CreateBucket, HeadBucket,
 * DeleteBucket, GetBucketLocation, GetBucketVersioning and
 * PutBucketVersioning: bucket names checked, XML bodies read and written.
 * The state side is ./buckets-state.ts.
 */
import { AwsError } from "../http";
import type { Handler } from "../route-table";
import type { Bucket } from "../state";
import {
  addBucket,
  deleteEmptyBucket,
  getBucket,
  listBucketsByName,
  refuseExistingBucket,
  setVersioning,
} from "./buckets-state";
import { escapeXml, iso, OWNER, xml } from "./xml";

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const listBuckets: Handler = (_req, ctx) =>
  xml(
    200,
    `<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${OWNER}<Buckets>${listBucketsByName(
      ctx.state,
    )
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
  setVersioning(b, status as NonNullable<Bucket["versioning"]>);
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
  refuseExistingBucket(ctx.state, bucket!);
  const location = /<LocationConstraint>\s*([a-z0-9-]+)\s*<\/LocationConstraint>/.exec(
    req.body.toString("utf8"),
  )?.[1];
  addBucket(ctx.state, {
    name: bucket!,
    region: location ?? req.region,
    createdAt: ctx.now(),
    objects: {},
  });
  return { status: 200, headers: { location: `/${bucket}` } };
};

export const deleteBucket: Handler = (_req, ctx, { Bucket: bucket }) => {
  deleteEmptyBucket(ctx.state, bucket!);
  return { status: 204 };
};
