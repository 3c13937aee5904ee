/**
 * Injected faults (throttling, 5xx, latency) and the per-operation call counts.
 */

import { GetDomainNameCommand, GetDomainNamesCommand } from "@aws-sdk/client-api-gateway";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { errorOf } from "../test-support/failure";

describe("faults, counts and compat mode", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ seed: true });
  });
  afterAll(() => t.stop());

  it("counts AWS calls per operation", async () => {
    await t.control("requests", undefined, "DELETE");
    const { apiGateway } = t.clients();
    await apiGateway.send(new GetDomainNamesCommand({ limit: 5 }));
    await apiGateway.send(new GetDomainNamesCommand({ limit: 5 }));
    await apiGateway.send(new GetDomainNameCommand({ domainName: "api.partners.example.com" }));
    const { counts } = await t.control<{ counts: Record<string, number> }>("requests");
    expect(counts).toEqual({ GetDomainNames: 2, GetDomainName: 1 });
  });

  it("throttling: 429 with Retry-After; the SDK's retries get through when the fault ends", async () => {
    await t.control("faults", {
      operation: "GetDomainName",
      kind: "throttle",
      count: 1,
      retryAfterSeconds: 7,
    });
    const err = await errorOf(
      t
        .clients("us-east-1", { maxAttempts: 1 })
        .apiGateway.send(new GetDomainNameCommand({ domainName: "api.partners.example.com" })),
    );
    expect([err.name, err.status]).toEqual(["TooManyRequestsException", 429]);
    expect(err.headers["retry-after"]).toBe("7");
    await t.control("faults", {
      operation: "GetDomainName",
      kind: "throttle",
      count: 2,
      retryAfterSeconds: 0,
    });
    const ok = await t
      .clients()
      .apiGateway.send(new GetDomainNameCommand({ domainName: "api.partners.example.com" }));
    expect(ok.$metadata.attempts).toBe(3);
  });

  it("500 and 503 for the next N calls of an operation, then normal service", async () => {
    const { acm } = t.clients("us-east-1", { maxAttempts: 1 });
    await t.control("faults", { operation: "RequestCertificate", kind: "error500", count: 1 });
    await t.control("faults", { operation: "RequestCertificate", kind: "error503", count: 1 });
    const e1 = await errorOf(
      acm.send(new RequestCertificateCommand({ DomainName: "x.example.com" })),
    );
    const e2 = await errorOf(
      acm.send(new RequestCertificateCommand({ DomainName: "x.example.com" })),
    );
    expect([e1.status, e2.status]).toEqual([500, 503]);
    expect(e2.name).toBe("ServiceUnavailableException");
    expect(
      (await acm.send(new RequestCertificateCommand({ DomainName: "x.example.com" })))
        .CertificateArn,
    ).toBeDefined();
    const { s3 } = t.clients("us-east-1", { maxAttempts: 1 });
    await t.control("faults", { operation: "PutObject", kind: "error503", count: 1 });
    const e3 = await errorOf(
      s3.send(
        new PutObjectCommand({ Bucket: "mtls-console-demo-truststores", Key: "x", Body: "x" }),
      ),
    );
    expect([e3.name, e3.status]).toEqual(["ServiceUnavailable", 503]);
  });

  it("latency delays the next call", async () => {
    await t.control("faults", {
      operation: "GetDomainNames",
      kind: "latency",
      count: 1,
      latencyMs: 400,
    });
    const start = performance.now();
    await t.clients().apiGateway.send(new GetDomainNamesCommand({ limit: 1 }));
    expect(performance.now() - start).toBeGreaterThanOrEqual(380);
  });
});
