/**
 * The authorizer's configuration, read from its environment when called
 * (REVOCATION_BUCKET, REVOCATION_PREFIX, FAIL_OPEN), and the one S3 client
 * a warm function keeps. Short timeouts and one retry: API Gateway waits
 * for the authorizer, and a list that cannot be read in time refuses the
 * client anyway.
 */
import { S3Client } from "@aws-sdk/client-s3";
import { DEFAULT_REVOCATION_PREFIX } from "../lib/revocation/document";

export interface AuthorizerSettings {
  /** The bucket holding the revocation lists; empty when not configured (every client is refused). */
  bucket: string;
  /** The key prefix of the lists, `revocation/` unless set. */
  prefix: string;
  /** Let clients through when the lists cannot be checked (never a client they revoke). */
  failOpen: boolean;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthorizerSettings {
  return {
    bucket: (env.REVOCATION_BUCKET ?? "").trim(),
    prefix: env.REVOCATION_PREFIX ?? DEFAULT_REVOCATION_PREFIX,
    failOpen: (env.FAIL_OPEN ?? "").trim().toLowerCase() === "true",
  };
}

let client: S3Client | undefined;

/** The function's S3 client, made on first use (the SDK reads region, credentials and AWS_ENDPOINT_URL itself). */
export function sharedS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  client ??= new S3Client({
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 2500 },
    // A local S3 (AWS_ENDPOINT_URL) is addressed by path, not by a bucket host name.
    ...(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL ? { forcePathStyle: true } : {}),
  });
  return client;
}
