import { describe, expect, it } from "vitest";
import { toAwsFailure } from "./errors";

function sdkError(name: string, message: string, status: number) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status, requestId: "req-1" },
    stack: "Error: at secret/internal/path.js:1:1",
  });
}

describe("AWS errors shown to users", () => {
  it("become fixed messages: no raw SDK text, other accounts' ARNs, credentials or stack traces", () => {
    const raw = sdkError(
      "AccessDeniedException",
      "User: arn:aws:sts::999988887777:assumed-role/Admin/bob is not authorized to perform: apigateway:PATCH on resource: arn:aws:apigateway:us-east-1::/domainnames/x (AKIAIOSFODNN7EXAMPLE)",
      403,
    );
    const failure = toAwsFailure(raw, "switch the truststore version");
    expect(failure.message).toBe(
      "Could not switch the truststore version: Access denied: the credentials in use lack a permission this page needs.",
    );
    for (const leak of ["arn:aws", "999988887777", "AKIA", "secret/internal", "assumed-role"])
      expect(failure.message).not.toContain(leak);
    expect(failure.code).toBe("AccessDeniedException");
    expect(failure.requestId).toBe("req-1");
  });

  it("unknown errors get a generic message by status", () => {
    expect(
      toAwsFailure(sdkError("WeirdException", "arn:aws:iam::1:role/x", 400), "do it").message,
    ).toBe("Could not do it: AWS refused the request as invalid.");
    expect(toAwsFailure(sdkError("Other", "boom", 502), "do it").message).toBe(
      "Could not do it: AWS had an error. Try again shortly.",
    );
    expect(
      toAwsFailure(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4566"), { code: "ECONNREFUSED" }),
        "list",
      ).message,
    ).toContain("connection refused");
  });

  it("says 'try again' only where retrying can fix it", () => {
    const throttled = toAwsFailure(sdkError("TooManyRequestsException", "slow down", 429), "read");
    expect(throttled.retryable).toBe(true);
    expect(throttled.message).toContain("try again");
    const unavailable = toAwsFailure(sdkError("ServiceUnavailableException", "x", 503), "read");
    expect(unavailable.retryable).toBe(true);
    // What moto answers for a call it cannot serve: HTTP 500 with an HTML page, no AWS error.
    const broken = Object.assign(new SyntaxError("Unexpected token '<'"), {
      $metadata: { httpStatusCode: 500, attempts: 3 },
    });
    const failure = toAwsFailure(broken, "read the base path mappings");
    expect(failure.retryable).toBe(false);
    expect(failure.message).toBe(
      "Could not read the base path mappings: The endpoint failed with HTTP 500 on all 3 tries and gave no AWS error: it may not support this call. Trying again will not help.",
    );
    expect(failure.message).not.toMatch(/try again shortly/i);
    expect(toAwsFailure(sdkError("AccessDeniedException", "no", 403), "read").retryable).toBe(
      false,
    );
  });
});
