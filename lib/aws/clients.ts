/**
 * Building the SDK clients from a resolved backend. Pure configuration, no
 * environment reading: lib/aws/config.ts decides the backend. This file has
 * no "server-only" marker because the end-to-end test runner (outside
 * Next.js) builds its clients with it too; ESLint keeps components from
 * importing anything under lib/aws.
 */
import { AccountClient } from "@aws-sdk/client-account";
import { ACMClient } from "@aws-sdk/client-acm";
import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { SNSClient } from "@aws-sdk/client-sns";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { AsyncLocalStorage } from "node:async_hooks";
import { currentRequest, logEvent } from "./request-log";
import { CALL_DEADLINE_MS, callBudgetMs, DeadlineExceeded } from "./deadline";
import { sharingReads } from "./shared-reads";

export type BackendKind = "embedded" | "endpoint" | "aws";
export type ServiceName =
  "apigateway" | "apigatewayv2" | "acm" | "s3" | "sts" | "logs" | "sns" | "account";

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
  /** Account Management (a fleet account's enabled regions). */
  account: AccountClient;
}

/**
 * Each try of a request gives up after REQUEST_TIMEOUT_MS (a real error:
 * `throwOnRequestTimeout`), a connection after CONNECTION_TIMEOUT_MS and a
 * silent socket after SOCKET_TIMEOUT_MS; the whole call, retries and their
 * waits included, ends by its deadline (./deadline.ts), which a change's
 * lease tightens (lib/domains/changes/locks.ts). A read asked for while the
 * same read is on its way waits for that answer (./shared-reads.ts).
 */
export const REQUEST_TIMEOUT_MS = 10_000;
export const CONNECTION_TIMEOUT_MS = 5_000;
export const SOCKET_TIMEOUT_MS = 10_000;

interface Sends {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  middlewareStack: object;
}

/** The one shape of the SDK's middleware stack used here (its own type is a set of overloads). */
interface Stack {
  add(
    middleware: (
      next: (args: unknown) => Promise<unknown>,
      context: { clientName?: string; commandName?: string },
    ) => (args: unknown) => Promise<unknown>,
    options: { step: "deserialize"; name: string; priority: "low" },
  ): void;
}

/** The HTTP response under the deserializer, where this middleware sits. */
interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string>;
}

/** Inside a server action: each try of an AWS call (its HTTP answer or none), with AWS's request id (./request-log.ts). */
function logAwsCall(
  context: { clientName?: string; commandName?: string },
  response: RawResponse | undefined,
  started: number,
  error?: string,
): void {
  if (!currentRequest()) return;
  const status = response?.statusCode;
  const headers = response?.headers ?? {};
  logEvent(error || (status ?? 0) >= 400 ? "warn" : "info", "aws call", {
    aws: {
      operation: `${context.clientName?.replace(/Client$/, "") ?? "?"}.${context.commandName?.replace(/Command$/, "") ?? "?"}`,
      status: status ?? null,
      awsRequestId:
        headers["x-amzn-requestid"] ??
        headers["x-amz-request-id"] ??
        headers["x-amzn-request-id"] ??
        null,
      ms: Date.now() - started,
      ...(error ? { error } : {}),
    },
  });
}

/** The tries of the call under way that ended with no answer (counted per try, inside the SDK's retries). */
const unansweredTries = new AsyncLocalStorage<{ count: number }>();

/**
 * Gives every call of a client an abort signal for its deadline (the SDK
 * stops the request, and any retry wait, when it fires), and counts its
 * tries that got no answer: a failed write with one such try may have
 * landed, whatever the last try's answer (`$unansweredTries` on the error).
 */
function bounded<C extends Sends>(client: C, callDeadlineMs: number): C {
  (client.middlewareStack as Stack).add(
    (next, context) => async (args) => {
      const started = Date.now();
      try {
        const output = await next(args);
        logAwsCall(context, (output as { response?: RawResponse }).response, started);
        return output;
      } catch (error) {
        const answered = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
          ?.httpStatusCode;
        const tries = unansweredTries.getStore();
        if (answered === undefined && tries) tries.count++;
        logAwsCall(context, undefined, started, (error as Error).name);
        throw error;
      }
    },
    { step: "deserialize", name: "countUnansweredTries", priority: "low" },
  );
  const send = client.send.bind(client) as (command: unknown, options?: object) => Promise<unknown>;
  const deadlined = (command: unknown, options?: { abortSignal?: AbortSignal }) => {
    const budget = callBudgetMs(callDeadlineMs);
    if (budget <= 0) return Promise.reject(new DeadlineExceeded());
    const timeout = AbortSignal.timeout(budget);
    const abortSignal = options?.abortSignal
      ? AbortSignal.any([options.abortSignal, timeout])
      : timeout;
    const tries = { count: 0 };
    return unansweredTries
      .run(tries, () => send(command, { ...options, abortSignal }))
      .catch((error: unknown) => {
        if (tries.count && error && typeof error === "object")
          Object.assign(error, { $unansweredTries: tries.count });
        throw error;
      });
  };
  client.send = sharingReads(deadlined, callDeadlineMs) as C["send"];
  return client;
}

/** SDK clients for one region of a backend. */
export function createClients(
  backend: Backend,
  region: string,
  options: {
    maxAttempts?: number;
    callDeadlineMs?: number;
    requestTimeoutMs?: number;
    /** A fleet account's role (lib/aws/assumed-roles.ts) instead of the backend's own. */
    credentials?: AwsCredentialIdentityProvider;
  } = {},
): AwsClients {
  const deadlineMs = options.callDeadlineMs ?? CALL_DEADLINE_MS;
  const common = {
    region,
    // Standard, not adaptive: adaptive mode's client-side rate limiter is
    // shared by every call of a client, so one throttled read queues every
    // other viewer behind it. Standard mode's retry quota bounds retries.
    retryMode: "standard" as const,
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
    ...(options.credentials
      ? { credentials: options.credentials }
      : backend.staticCredentials
        ? { credentials: backend.staticCredentials }
        : {}),
  };
  const endpointFor = (service: ServiceName) =>
    backend.serviceEndpoints[service] ?? backend.endpoint;
  const s3Endpoint = endpointFor("s3");
  return {
    region,
    apiGateway: bounded(
      new APIGatewayClient({
        ...common,
        ...(endpointFor("apigateway") ? { endpoint: endpointFor("apigateway") } : {}),
      }),
      deadlineMs,
    ),
    apiGatewayV2: bounded(
      new ApiGatewayV2Client({
        ...common,
        ...(endpointFor("apigatewayv2") ? { endpoint: endpointFor("apigatewayv2") } : {}),
      }),
      deadlineMs,
    ),
    acm: bounded(
      new ACMClient({
        ...common,
        ...(endpointFor("acm") ? { endpoint: endpointFor("acm") } : {}),
      }),
      deadlineMs,
    ),
    sts: bounded(
      new STSClient({
        ...common,
        ...(endpointFor("sts") ? { endpoint: endpointFor("sts") } : {}),
      }),
      deadlineMs,
    ),
    logs: bounded(
      new CloudWatchLogsClient({
        ...common,
        ...(endpointFor("logs") ? { endpoint: endpointFor("logs") } : {}),
      }),
      deadlineMs,
    ),
    account: bounded(
      new AccountClient({
        ...common,
        ...(endpointFor("account") ? { endpoint: endpointFor("account") } : {}),
      }),
      deadlineMs,
    ),
    sns: bounded(
      new SNSClient({
        ...common,
        ...(endpointFor("sns") ? { endpoint: endpointFor("sns") } : {}),
      }),
      deadlineMs,
    ),
    s3: bounded(
      new S3Client({
        ...common,
        ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
        // Checksums only where S3 requires them: LocalStack and older S3-compatible stores reject the rest.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
      deadlineMs,
    ),
  };
}
