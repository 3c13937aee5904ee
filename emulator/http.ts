/**
 * What every service handler shares: the parsed request, AWS errors, replies.
 */
import type { AccountState, EmulatorState } from "./state";

export type Service = "apigateway" | "acm" | "s3" | "sts" | "logs" | "lambda" | "account";

export interface EmulatorRequest {
  method: string;
  /** The raw (still percent-encoded) path, e.g. /domainnames/api.example.com */
  rawPath: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  region: string;
  service: Service;
  requestId: string;
  /** For S3: the bucket named by a virtual-host style Host header. */
  virtualHostBucket?: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export class AwsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      retryAfterSeconds?: number;
      headers?: Record<string, string>;
      fields?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }
}

export interface EmulatorConfig {
  /** How long a domain stays UPDATING after an update, in ms. */
  updatingMs: number;
  /** How long a requested ACM certificate stays PENDING_VALIDATION, in ms. */
  issueDelayMs: number;
  compat: "aws" | "localstack";
}

export interface Context {
  /**
   * The account the request is for, from its access key (docs/emulator.md);
   * the default account (ACCOUNT_ID) for the seed, the data plane and
   * in-process callers.
   */
  readonly account: string;
  /** That account's resources. */
  readonly state: AccountState;
  /** The whole state: what belongs to no account (the clock, the local CA, the demo's clients) and every account. */
  readonly root: EmulatorState;
  config: EmulatorConfig;
  /** The emulator's clock (real time plus the offset set by /_emulator/clock). */
  now(): number;
  /** The emulator's own endpoint on a loopback address, as its Lambda functions reach it. */
  readonly endpoint: string;
}

export interface Route {
  operation: string;
  /** Writes state: persisted after it runs. */
  mutates: boolean;
  run(ctx: Context): Reply | Promise<Reply>;
}

export function header(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

export function parseJsonBody(req: EmulatorRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  try {
    const value = JSON.parse(req.body.toString("utf8")) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AwsError(
    400,
    req.service === "acm"
      ? "ValidationException"
      : req.service === "lambda"
        ? "InvalidRequestContentException"
        : "BadRequestException",
    "The request body is not a JSON object.",
  );
}

/** Seconds since the epoch, as the JSON protocols send timestamps. */
export const epochSeconds = (ms: number) => Math.floor(ms / 1000);
