/**
 * Injected faults for tests and demos: throttling (with Retry-After), 500,
 * 503, 501, latency or a refusal (accessDenied), for the next N calls to a
 * named operation, optionally only on requests whose path (an S3 key
 * prefix) or query-protocol parameters (STS: an AssumeRole's RoleArn)
 * contain a given string.
 */
import { z } from "zod";
import { AwsError, type Service } from "./http";
import { ACCOUNT_ID } from "./state";

export const faultSchema = z.object({
  operation: z.string().min(1),
  kind: z.enum(["throttle", "error500", "error503", "notImplemented", "latency", "accessDenied"]),
  count: z.number().int().min(1).max(10_000).default(1),
  latencyMs: z.number().int().min(0).max(60_000).default(1000),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  pathContains: z.string().min(1).optional(),
});

interface Fault {
  kind: z.infer<typeof faultSchema>["kind"];
  remaining: number;
  latencyMs: number;
  retryAfterSeconds: number;
  pathContains?: string;
}

/** What a fault may look at besides the operation and its path. */
export interface FaultRequest {
  /** The request's account (the caller named in accessDenied's message). */
  account?: string;
  /** The query protocol's parameters (STS), decoded. */
  form?: URLSearchParams;
}

/** IAM's refusal, as STS words it for AssumeRole (and the other services for their calls). */
function accessDenied(service: Service, operation: string, request: FaultRequest): AwsError {
  if (service === "s3") return new AwsError(403, "AccessDenied", "Access Denied");
  const user = `arn:aws:iam::${request.account ?? ACCOUNT_ID}:root`;
  const resource = request.form?.get("RoleArn");
  return new AwsError(
    403,
    service === "sts" ? "AccessDenied" : "AccessDeniedException",
    `User: ${user} is not authorized to perform: ${service}:${operation}${resource ? ` on resource: ${resource}` : ""}`,
  );
}

/** The error AWS would answer with, in the service's own words. */
function faultError(
  fault: Fault,
  service: Service,
  operation: string,
  request: FaultRequest,
): AwsError {
  if (fault.kind === "accessDenied") return accessDenied(service, operation, request);
  if (fault.kind === "throttle") {
    const code =
      service === "s3"
        ? "SlowDown"
        : service === "acm"
          ? "ThrottlingException"
          : "TooManyRequestsException";
    return new AwsError(
      service === "s3" ? 503 : 429,
      code,
      service === "s3" ? "Please reduce your request rate." : "Too Many Requests",
      { retryAfterSeconds: fault.retryAfterSeconds },
    );
  }
  if (fault.kind === "error503") {
    return new AwsError(
      503,
      service === "s3" ? "ServiceUnavailable" : "ServiceUnavailableException",
      `Service unavailable (injected fault on ${operation}).`,
      { retryAfterSeconds: fault.retryAfterSeconds },
    );
  }
  if (fault.kind === "notImplemented") {
    // What LocalStack answers for a call (or a header) it does not implement.
    return new AwsError(
      501,
      "NotImplemented",
      `A header you provided implies functionality that is not implemented (injected on ${operation}).`,
    );
  }
  return new AwsError(
    500,
    service === "s3" ? "InternalError" : "InternalServerErrorException",
    `Internal server error (injected fault on ${operation}).`,
  );
}

export class Faults {
  private readonly byOperation = new Map<string, Fault[]>();

  add(spec: z.infer<typeof faultSchema>): void {
    const list = this.byOperation.get(spec.operation) ?? [];
    list.push({
      kind: spec.kind,
      remaining: spec.count,
      latencyMs: spec.latencyMs,
      retryAfterSeconds: spec.retryAfterSeconds,
      ...(spec.pathContains ? { pathContains: spec.pathContains } : {}),
    });
    this.byOperation.set(spec.operation, list);
  }

  list(): Record<string, Fault[]> {
    return Object.fromEntries(this.byOperation);
  }

  clear(): void {
    this.byOperation.clear();
  }

  /**
   * Before an operation runs: waits (latency) or throws (the others) when a
   * fault is pending for it. `pathContains` is looked for in the decoded
   * path and in the decoded query-protocol parameters (`Name=value&…`).
   */
  async apply(
    operation: string,
    service: Service,
    rawPath: string,
    request: FaultRequest = {},
  ): Promise<void> {
    const pending = this.byOperation.get(operation);
    const form = [...(request.form ?? [])].map(([name, value]) => `${name}=${value}`).join("&");
    const fault = pending?.find(
      (f) =>
        f.remaining > 0 &&
        (!f.pathContains ||
          decodeURIComponent(rawPath).includes(f.pathContains) ||
          form.includes(f.pathContains)),
    );
    if (!fault) return;
    fault.remaining--;
    if (pending!.every((f) => f.remaining === 0)) this.byOperation.delete(operation);
    if (fault.kind === "latency")
      await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    else throw faultError(fault, service, operation, request);
  }
}
