/**
 * For the account suites: the real SDK's clients pointed at a test
 * emulator and signed with the given credentials, so requests land in
 * the account their access key names ("test": the default account).
 */
import { ACMClient } from "@aws-sdk/client-acm";
import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** Credentials of an access key (secret "test"). */
export const keyOf = (accessKeyId: string): AwsCredentialIdentity => ({
  accessKeyId,
  secretAccessKey: "test",
});

export function clientsAs(endpoint: string, credentials: Credentials, region = "us-east-1") {
  const config = { endpoint, region, credentials, maxAttempts: 1 };
  return {
    acm: new ACMClient(config),
    apiGateway: new APIGatewayClient(config),
    lambda: new LambdaClient(config),
    logs: new CloudWatchLogsClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    sts: new STSClient(config),
  };
}
