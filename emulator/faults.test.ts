/**
 * Injected faults (throttling, 5xx, latency, refusals) and the per-operation call counts.
 */

import { GetDomainNameCommand, GetDomainNamesCommand } from "@aws-sdk/client-api-gateway";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { errorOf } from "../test-support/failure";
import { clientsAs, keyOf } from "./test-account-clients";

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

describe("accessDenied: a refused AssumeRole", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const roleIn = (account: string) => `arn:aws:iam::${account}:role/mtls-console-fleet`;

  it("refuses AssumeRole into one account only (pathContains matches the form body), as STS words it", async () => {
    await t.control("faults", {
      operation: "AssumeRole",
      kind: "accessDenied",
      count: 1000,
      pathContains: "333333333333",
    });
    const { sts } = clientsAs(t.endpoint, keyOf("test"));
    const assume = (account: string) =>
      sts.send(new AssumeRoleCommand({ RoleArn: roleIn(account), RoleSessionName: "fleet" }));
    const refused = await errorOf(assume("333333333333"));
    expect([refused.name, refused.status]).toEqual(["AccessDenied", 403]);
    expect(refused.message).toBe(
      "User: arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/mtls-console-fleet",
    );
    expect((await assume("111111111111")).Credentials?.AccessKeyId).toMatch(/^ASIA111111111111/);
    expect((await errorOf(assume("333333333333"))).name).toBe("AccessDenied");

    // Through the credential provider the fleet mode uses: the call that needs the keys fails.
    const fleet = (account: string) =>
      clientsAs(
        t.endpoint,
        fromTemporaryCredentials({
          params: { RoleArn: roleIn(account), RoleSessionName: "fleet", ExternalId: "x-id" },
          masterCredentials: keyOf("test"),
          clientConfig: { endpoint: t.endpoint, region: "us-east-1", maxAttempts: 1 },
        }),
      ).apiGateway.send(new GetDomainNamesCommand({}));
    expect((await fleet("111111111111")).items).toEqual([]);
    const viaProvider = await errorOf(fleet("333333333333"));
    expect(viaProvider.name).toBe("AccessDenied");
    expect(viaProvider.message).toContain("sts:AssumeRole on resource: arn:aws:iam::333333333333");
    await t.control("faults", undefined, "DELETE");
    expect((await assume("333333333333")).Credentials?.AccessKeyId).toMatch(/^ASIA333333333333/);
  });

  it("names the caller's account, and refuses other services' calls in their words", async () => {
    await t.control("faults", { operation: "AssumeRole", kind: "accessDenied" });
    const refused = await errorOf(
      clientsAs(t.endpoint, keyOf("444444444444")).sts.send(
        new AssumeRoleCommand({ RoleArn: roleIn("555555555555"), RoleSessionName: "fleet" }),
      ),
    );
    expect(refused.message).toMatch(/^User: arn:aws:iam::444444444444:root is not authorized/);
    await t.control("faults", { operation: "GetDomainNames", kind: "accessDenied" });
    const apiGateway = await errorOf(
      t.clients("us-east-1", { maxAttempts: 1 }).apiGateway.send(new GetDomainNamesCommand({})),
    );
    expect([apiGateway.name, apiGateway.status]).toEqual(["AccessDeniedException", 403]);
    await t.control("faults", { operation: "PutObject", kind: "accessDenied" });
    const s3 = await errorOf(
      t
        .clients("us-east-1", { maxAttempts: 1 })
        .s3.send(new PutObjectCommand({ Bucket: "any", Key: "x", Body: "x" })),
    );
    expect([s3.name, s3.status]).toEqual(["AccessDenied", 403]);
  });
});
