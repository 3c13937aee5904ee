/**
 * The console's own store (AUDIT_BUCKET, lib/records/store.ts): audit
 * events, change intents, locks, version summaries, sessions and sign-in
 * attempts under one prefix. Versioned with S3 Object Lock: every record
 * is kept for the default retention (GOVERNANCE mode: only a principal with
 * s3:BypassGovernanceRetention can shorten it), and the console's own
 * deletes (locks, intents, old sign-in attempts) become delete markers.
 *
 * The bucket's default retention covers every key, the short-lived ones
 * too: a lock taken, renewed at each step of a change and released, or a
 * readiness probe written and removed every 15 s, leaves locked old
 * versions each time. Lifecycle
 * rules remove those old versions a day after they stop being current, but
 * S3 removes a version only once its retention has ended, so with a
 * default retention they are kept that long (docs/deploy.md). Without the
 * rules they would be kept for ever.
 */
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

/** Where lib/auth/rate-limit.ts writes its attempts, under the store's prefix. */
export const SIGN_IN_ATTEMPTS_PREFIX = "signin-attempts/";

/** Every prefix the app keeps records under (the store's prefix before each), by how long they matter. */
export const STORE_PREFIXES = {
  /**
   * Overwritten or deleted as the app works: only the current version
   * matters. Their old versions and lone delete markers are removed.
   */
  shortLived: {
    "locks/": "lib/domains/changes/lock-state.ts",
    "intents/": "lib/records/intents.ts",
    "sessions/": "lib/auth/sessions.ts",
    "readiness/": "lib/records/readiness.ts",
  },
  /** Counted over minutes, never read again: the objects themselves expire too. */
  counters: {
    [SIGN_IN_ATTEMPTS_PREFIX]: "lib/auth/rate-limit.ts",
    "refusal-marks/": "lib/records/audit.ts",
  },
  /** The history, and what must outlive a session or is computed once: kept, every version. */
  kept: {
    "events/": "lib/records/audit.ts",
    "refusals/": "lib/records/audit.ts",
    "digests/": "lib/records/audit-chain.ts",
    "revoked/": "lib/auth/sessions.ts",
    "summaries/": "lib/domains/versions/version-summaries.ts",
  },
} as const;

export interface StoreBucketProps {
  /** AUDIT_PREFIX, ending in "/". */
  prefix: string;
  /** The default retention of every record, in days; 0: Object Lock without a default retention. */
  retentionDays: number;
  /** How long a sign-in attempt is kept (and its old versions, once no longer current). */
  signInAttemptsExpireDays: number;
}

const ruleId = (prefix: string) => prefix.replace(/\/$/, "");

export function storeBucket(scope: Construct, id: string, props: StoreBucketProps): s3.Bucket {
  const oneDay = Duration.days(1);
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
      ...Object.keys(STORE_PREFIXES.shortLived).map((prefix) => ({
        id: `short-lived-${ruleId(prefix)}`,
        prefix: `${props.prefix}${prefix}`,
        noncurrentVersionExpiration: oneDay,
        expiredObjectDeleteMarker: true,
      })),
      // An expiration in days also removes the delete markers left alone (S3 does it with Days).
      {
        id: "sign-in-attempts",
        prefix: `${props.prefix}${SIGN_IN_ATTEMPTS_PREFIX}`,
        expiration: Duration.days(props.signInAttemptsExpireDays),
        noncurrentVersionExpiration: oneDay,
      },
      {
        id: "refusal-marks",
        prefix: `${props.prefix}refusal-marks/`,
        expiration: oneDay,
        noncurrentVersionExpiration: oneDay,
      },
      { id: "incomplete-uploads", abortIncompleteMultipartUploadAfter: oneDay },
    ],
  });
}
