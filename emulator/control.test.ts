/**
 * Control endpoints, injected faults, LocalStack compatibility mode,
 * persistence and the demo data.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeCertificateCommand } from "@aws-sdk/client-acm";
import {
  CreateDomainNameCommand,
  GetBasePathMappingsCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
  GetRestApiCommand,
  UpdateDomainNameCommand,
} from "@aws-sdk/client-api-gateway";
import {
  ListObjectVersionsCommand,
  PutObjectCommand,
  CreateBucketCommand,
  PutBucketVersioningCommand,
} from "@aws-sdk/client-s3";
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issue } from "../lib/pki/generate";
import { checkTruststore } from "../lib/truststore";
import { DOMAIN_STATUSES } from "./state";
import { startTestEmulator, type TestEmulator, errorOf } from "./test-support";

async function listAll(t: TestEmulator, region = "us-east-1") {
  const { apiGateway } = t.clients(region);
  const out = [];
  let position: string | undefined;
  do {
    const page = await apiGateway.send(new GetDomainNamesCommand({ limit: 500, position }));
    out.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return out;
}

describe("demo data", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ seed: true });
  });
  afterAll(() => t.stop());

  it("covers every status, mTLS on and off, and tells the stories the demo needs", async () => {
    const { apiGateway, acm, s3 } = t.clients();
    const domains = await listAll(t);
    expect(domains.length).toBeGreaterThanOrEqual(8);
    expect(new Set(domains.map((d) => d.domainNameStatus))).toEqual(new Set(DOMAIN_STATUSES));
    expect(domains.some((d) => d.mutualTlsAuthentication)).toBe(true);
    expect(domains.some((d) => !d.mutualTlsAuthentication)).toBe(true);

    // A truststore with 4+ versions, and a SHA-1 certificate that warns on the active one.
    const partners = domains.find((d) => d.domainName === "api.partners.example.com")!;
    const uri = partners.mutualTlsAuthentication!.truststoreUri!;
    const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri)!;
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
    expect(versions.Versions!.length).toBeGreaterThanOrEqual(4);
    expect(
      partners.mutualTlsAuthentication!.truststoreWarnings!.some((w) => w.startsWith("weak-hash:")),
    ).toBe(true);

    // An imported server certificate whose ownership certificate expires within 30 days.
    const iot = domains.find((d) => d.domainName === "devices.iot.example.com")!;
    const server = (
      await acm.send(new DescribeCertificateCommand({ CertificateArn: iot.regionalCertificateArn }))
    ).Certificate!;
    expect(server.Type).toBe("IMPORTED");
    const owner = (
      await acm.send(
        new DescribeCertificateCommand({ CertificateArn: iot.ownershipVerificationCertificateArn }),
      )
    ).Certificate!;
    expect(owner.Type).toBe("AMAZON_ISSUED");
    const daysLeft = (owner.NotAfter!.getTime() - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(0);
    expect(daysLeft).toBeLessThan(30);

    // A mapped REST API whose default execute-api endpoint is still enabled.
    const mappings = await apiGateway.send(
      new GetBasePathMappingsCommand({ domainName: "api.partners.example.com" }),
    );
    const api = await apiGateway.send(
      new GetRestApiCommand({ restApiId: mappings.items![0]!.restApiId }),
    );
    expect(api.disableExecuteApiEndpoint).toBe(false);

    // Some truststore certificate expires within 30 days (found by the engine on the real bytes).
    const expiring = [];
    for (const d of domains.filter((x) => x.mutualTlsAuthentication)) {
      const [, b, k] = /^s3:\/\/([^/]+)\/(.+)$/.exec(d.mutualTlsAuthentication!.truststoreUri!)!;
      const { GetObjectCommand } = await import("@aws-sdk/client-s3");
      const body = await (
        await s3.send(
          new GetObjectCommand({
            Bucket: b,
            Key: k,
            VersionId: d.mutualTlsAuthentication!.truststoreVersion,
          }),
        )
      ).Body!.transformToString();
      const report = await checkTruststore(body);
      expiring.push(...report.findings.filter((f) => f.rule === "expiring-soon"));
    }
    expect(expiring.length).toBeGreaterThan(0);
    // A second region exists for the region switcher.
    expect((await listAll(t, "eu-west-1")).length).toBeGreaterThan(0);
  });
});

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

  it("control endpoints set status, refuse bad input, and reset", async () => {
    await t.control("domains/legacy.example.com/status", {
      status: "FAILED",
      message: "broken on purpose",
    });
    const d = await t
      .clients()
      .apiGateway.send(new GetDomainNameCommand({ domainName: "legacy.example.com" }));
    expect([d.domainNameStatus, d.domainNameStatusMessage]).toEqual([
      "FAILED",
      "broken on purpose",
    ]);
    await expect(
      t.control("domains/legacy.example.com/status", { status: "SIDEWAYS" }),
    ).rejects.toThrow(/400/);
    await expect(
      t.control("faults", { operation: "GetDomainNames", kind: "explode" }),
    ).rejects.toThrow(/400/);
    await t.control("reset", {});
    expect(await listAll(t)).toEqual([]);
  });
});

describe("LocalStack compatibility mode", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ compat: "localstack", seed: true });
  });
  afterAll(() => t.stop());

  it("drops mTLS fields, answers UpdateDomainName with 501, keeps every status AVAILABLE and ignores limit", async () => {
    const { apiGateway } = t.clients();
    const all = await apiGateway.send(new GetDomainNamesCommand({ limit: 2 }));
    expect(all.items!.length).toBeGreaterThan(2);
    expect(all.position).toBeUndefined();
    expect(
      all.items!.every(
        (d) => d.mutualTlsAuthentication === undefined && d.domainNameStatus === "AVAILABLE",
      ),
    ).toBe(true);
    const err = await errorOf(
      t.clients("us-east-1", { maxAttempts: 1 }).apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "api.partners.example.com",
          patchOperations: [
            { op: "replace", path: "/mutualTlsAuthentication/truststoreVersion", value: "x" },
          ],
        }),
      ),
    );
    expect([err.name, err.status]).toEqual(["InternalFailure", 501]);
  });
});

describe("persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-state-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the state across restarts, written atomically", async () => {
    const file = join(dir, "state.json");
    const messages: string[] = [];
    const first = await startTestEmulator({ stateFile: file, log: (m) => messages.push(m) });
    expect(messages[0]).toContain("does not exist yet");
    const { s3, acm, apiGateway } = first.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "kept" }));
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: "kept",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    const root = await issue({ subject: "CN=Kept Root" });
    const v = await s3.send(
      new PutObjectCommand({ Bucket: "kept", Key: "ts.pem", Body: root.pem }),
    );
    const cert = await acm.send(new RequestCertificateCommand({ DomainName: "kept.example.com" }));
    await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "kept.example.com",
        regionalCertificateArn: cert.CertificateArn,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: {
          truststoreUri: "s3://kept/ts.pem",
          truststoreVersion: v.VersionId,
        },
      }),
    );
    await first.stop();
    expect(readdirSync(dir)).toEqual(["state.json"]);

    const second = await startTestEmulator({
      stateFile: file,
      seed: true,
      log: (m) => messages.push(m),
    });
    expect(messages[1]).toContain("Loaded the state");
    const d = await second
      .clients()
      .apiGateway.send(new GetDomainNameCommand({ domainName: "kept.example.com" }));
    expect(d.mutualTlsAuthentication?.truststoreVersion).toBe(v.VersionId);
    // A loaded state is not overwritten by the demo seed.
    expect((await listAll(second)).map((x) => x.domainName)).toEqual(["kept.example.com"]);
    await second.stop();
  });

  it("a corrupt state file gives a clear message and a fresh state, and is kept aside", async () => {
    const file = join(dir, "corrupt.json");
    writeFileSync(file, "{ this is not json");
    const messages: string[] = [];
    const t = await startTestEmulator({ stateFile: file, log: (m) => messages.push(m) });
    expect(messages[0]).toMatch(
      /unreadable \(not JSON.*Starting with a fresh state; the old file was kept as .*corrupt\.json\.corrupt-/,
    );
    expect(await listAll(t)).toEqual([]);
    await t.stop();
    const aside = readdirSync(dir).find((f) => f.startsWith("corrupt.json.corrupt-"))!;
    expect(readFileSync(join(dir, aside), "utf8")).toBe("{ this is not json");

    writeFileSync(file, JSON.stringify({ version: 1, domains: "nope" }));
    const t2 = await startTestEmulator({ stateFile: file, log: (m) => messages.push(m) });
    expect(messages[1]).toContain("unreadable");
    await t2.stop();
  });
});
