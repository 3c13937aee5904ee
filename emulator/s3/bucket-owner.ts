/**
 * Whose a bucket is. Bucket names are shared by every account, as on AWS:
 * a name another account holds cannot be created (BucketAlreadyExists),
 * and that account's bucket refuses everyone else (no bucket policies
 * here: 403 AccessDenied). ExpectedBucketOwner must name the request's own
 * account, since a request reaches no other account's bucket.
 */
import { AwsError, header, type Context, type EmulatorRequest } from "../http";
import { ACCOUNT_ID, type EmulatorState } from "../state";

/** The account that holds the bucket named `name`, if any. */
export function bucketOwner(root: EmulatorState, name: string): string | undefined {
  if (root.buckets[name]) return ACCOUNT_ID;
  return Object.entries(root.accounts).find(([, state]) => state.buckets[name])?.[0];
}

const accessDenied = () => new AwsError(403, "AccessDenied", "Access Denied");

/** Before an operation on `bucket` runs: refuses what its owner would. */
export function checkBucketOwner(
  req: EmulatorRequest,
  ctx: Context,
  bucket: string,
  operation: string,
): void {
  const expected = header(req, "x-amz-expected-bucket-owner");
  if (expected !== undefined && expected !== ctx.account) throw accessDenied();
  if (ctx.state.buckets[bucket]) return;
  const owner = bucketOwner(ctx.root, bucket);
  if (owner === undefined || owner === ctx.account) return;
  if (operation === "CreateBucket")
    throw new AwsError(
      409,
      "BucketAlreadyExists",
      "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
      { fields: { BucketName: bucket } },
    );
  throw accessDenied();
}
