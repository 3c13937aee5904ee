/**
 * The console's own store (AUDIT_BUCKET, lib/records/store.ts): audit
 * events, change intents, locks, version summaries, sessions and sign-in
 * attempts under one prefix. Versioned with S3 Object Lock: every record
 * is kept for the default retention (GOVERNANCE mode: only a principal with
 * s3:BypassGovernanceRetention can shorten it), and the console's own
 * deletes (locks, intents, old sign-in attempts) become delete markers.
 * Sign-in attempts (lib/auth/rate-limit.ts: `signin-attempts/`) are only
 * counted over 15 minutes, so they expire after a few days.
 */
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

/** Where lib/auth/rate-limit.ts writes its attempts, under the store's prefix. */
export const SIGN_IN_ATTEMPTS_PREFIX = "signin-attempts/";

export interface StoreBucketProps {
  /** AUDIT_PREFIX, ending in "/". */
  prefix: string;
  /** The default retention of every record, in days; 0: Object Lock without a default retention. */
  retentionDays: number;
  /** How long a sign-in attempt is kept (and its old versions, once no longer current). */
  signInAttemptsExpireDays: number;
}

export function storeBucket(scope: Construct, id: string, props: StoreBucketProps): s3.Bucket {
  return new s3.Bucket(scope, id, {
    versioned: true,
    objectLockEnabled: true,
    ...(props.retentionDays > 0
      ? {
          objectLockDefaultRetention: s3.ObjectLockRetention.governance(
            Duration.days(props.retentionDays),
          ),
        }
      : {}),
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    // The history outlives the stack: deleting the stack leaves the bucket.
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [
      {
        id: "sign-in-attempts",
        prefix: `${props.prefix}${SIGN_IN_ATTEMPTS_PREFIX}`,
        expiration: Duration.days(props.signInAttemptsExpireDays),
        noncurrentVersionExpiration: Duration.days(1),
      },
      { id: "incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
  });
}
