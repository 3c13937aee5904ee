/**
 * Building the SDK clients from a resolved backend. Pure configuration, no
 * environment reading: lib/aws/config.ts decides the backend. This file has
 * no "server-only" marker because the end-to-end test runner (outside
 * Next.js) builds its clients with it too; ESLint keeps components from
 * importing anything under lib/aws.
 */
import { ACMClient } from "@aws-sdk/client-acm";
import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { SNSClient } from "@aws-sdk/client-sns";

export type BackendKind = "embedded" | "endpoint" | "aws";
export type ServiceName = "apigateway" | "apigatewayv2" | "acm" | "s3" | "sts" | "logs" | "sns";

export interface Backend {
  kind: BackendKind;
  /** The endpoint all services go to, when one is set (embedded or AWS_ENDPOINT_URL). */
  endpoint?: string;
  /** Per-service endpoints from AWS_ENDPOINT_URL_<SERVICE>. */
  serviceEndpoints: Partial<Record<ServiceName, string>>;
  defaultRegion: string;
  /** The embedded emulator's data plane (TLS port), where its custom domains answer. */
  dataPlanePort?: number;
  /** The embedded emulator's live compat mode, asked in-process (tests switch it at run time). */
  liveCompat?: () => "aws" | "localstack";
  /** Static test credentials for the embedded emulator; otherwise the SDK's chain. */
  staticCredentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface AwsClients {
  region: string;
  apiGateway: APIGatewayClient;
  apiGatewayV2: ApiGatewayV2Client;
  acm: ACMClient;
  s3: S3Client;
  sts: STSClient;
  logs: CloudWatchLogsClient;
  sns: SNSClient;
}

/**
 * Every request gives up after this long (and is retried at most
 * maxAttempts times), so a change's duration is bounded and a change lock's
 * lease can outlive it (lib/domains/locks.ts).
 */
export const REQUEST_TIMEOUT_MS = 10_000;
export const CONNECTION_TIMEOUT_MS = 5_000;

/** SDK clients for one region of a backend. */
export function createClients(
  backend: Backend,
  region: string,
  options: { maxAttempts?: number } = {},
): AwsClients {
  const common = {
    region,
    retryMode: "adaptive" as const,
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: {
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
    },
    ...(backend.staticCredentials ? { credentials: backend.staticCredentials } : {}),
  };
  const endpointFor = (service: ServiceName) =>
    backend.serviceEndpoints[service] ?? backend.endpoint;
  const s3Endpoint = endpointFor("s3");
  return {
    region,
    apiGateway: new APIGatewayClient({
      ...common,
      ...(endpointFor("apigateway") ? { endpoint: endpointFor("apigateway") } : {}),
    }),
    apiGatewayV2: new ApiGatewayV2Client({
      ...common,
      ...(endpointFor("apigatewayv2") ? { endpoint: endpointFor("apigatewayv2") } : {}),
    }),
    acm: new ACMClient({
      ...common,
      ...(endpointFor("acm") ? { endpoint: endpointFor("acm") } : {}),
    }),
    sts: new STSClient({
      ...common,
      ...(endpointFor("sts") ? { endpoint: endpointFor("sts") } : {}),
    }),
    logs: new CloudWatchLogsClient({
      ...common,
      ...(endpointFor("logs") ? { endpoint: endpointFor("logs") } : {}),
    }),
    sns: new SNSClient({
      ...common,
      ...(endpointFor("sns") ? { endpoint: endpointFor("sns") } : {}),
    }),
    s3: new S3Client({
      ...common,
      ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
      // Checksums only where S3 requires them: LocalStack and older S3-compatible stores reject the rest.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    }),
  };
}
