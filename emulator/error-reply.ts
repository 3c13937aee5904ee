/**
 * An AwsError as its service answers it on the wire: S3's and STS's XML,
 * Lambda's JSON, the JSON 1.1 services' `__type`, API Gateway's `message`
 * with `x-amzn-ErrorType`; Retry-After when the error names one.
 */
import * as lambda from "./lambda/router";
import * as s3 from "./s3/router";
import * as sts from "./sts/router";
import { AwsError, json, type Reply, type Service } from "./http";

export function errorReply(err: AwsError, service: Service, requestId: string): Reply {
  const headers: Record<string, string> = { ...(err.extra.headers ?? {}) };
  if (err.extra.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(err.extra.retryAfterSeconds);
  if (service === "s3")
    return s3.s3Error(
      new AwsError(err.status, err.code, err.message, { ...err.extra, headers }),
      requestId,
    );
  if (service === "sts") return sts.stsError(err, requestId, headers);
  if (service === "lambda") return lambda.lambdaErrorReply(err, headers);
  if (service === "acm" || service === "logs") {
    return json(
      err.status,
      { __type: err.code, message: err.message },
      { ...headers, "x-amzn-errortype": err.code, "content-type": "application/x-amz-json-1.1" },
    );
  }
  return json(err.status, { message: err.message }, { ...headers, "x-amzn-errortype": err.code });
}
