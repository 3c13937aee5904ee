/**
 * The data plane over real TLS (Node's https with client certificates):
 * mutual TLS judged as API Gateway does, a version switch that takes effect
 * after the UPDATING period, the default endpoint until it is disabled, and
 * the stage's access log.
 */
import { request } from "node:https";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateBasePathMappingCommand,
  UpdateDomainNameCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, issue, type Issued } from "../../lib/pki/generate";
import { deployedRestApi, privateKeyPem, seedMtlsDomain } from "../../test-support/seed";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";

let t: TestEmulator;
let ca: string;
let apiId: string;
let versions: string[];
let rootA: Issued;
let rootB: Issued;
const DOMAIN = "dp.test.example";

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  reason?: string;
}

/** One request through a real TLS handshake, naming `host` by SNI. */
export function call(
  port: number,
  host: string,
  path: string,
  trust: string,
  client?: Issued & { keyPem: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        servername: host,
        path,
        headers: { host },
        ca: trust,
        // OpenSSL's default level refuses to send a SHA-1 client certificate at all.
        ciphers: "DEFAULT@SECLEVEL=0",
        ...(client ? { cert: client.pem, key: client.keyPem } : {}),
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as Record<string, unknown>,
            ...(res.headers["x-mtls-console-emulator-reason"]
              ? { reason: String(res.headers["x-mtls-console-emulator-reason"]) }
              : {}),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const withKey = async (c: Issued) => ({ ...c, keyPem: await privateKeyPem(c.keys) });

beforeAll(async () => {
  t = await startTestEmulator({ dataPort: 0 });
  ca = await (await fetch(`${t.endpoint}/_emulator/ca.pem`)).text();
  rootA = await issue({ subject: "CN=Data Plane Root A" });
  rootB = await issue({ subject: "CN=Data Plane Root B" });
  const aws = t.clients();
  ({ versionIds: versions } = await seedMtlsDomain(aws, {
    domainName: DOMAIN,
    bucket: "dp-truststores",
    key: "ts.pem",
    versions: [bundle(rootA), bundle(rootB)],
    active: 0,
  }));
  apiId = await deployedRestApi(aws, "dp", "prod");
  await aws.apiGateway.send(
    new CreateBasePathMappingCommand({
      domainName: DOMAIN,
      restApiId: apiId,
      basePath: "orders",
      stage: "prod",
    }),
  );
  await aws.apiGateway.send(
    new UpdateStageCommand({
      restApiId: apiId,
      stageName: "prod",
      patchOperations: [
        {
          op: "replace",
          path: "/accessLogSettings/destinationArn",
          value: "arn:aws:logs:us-east-1:000000000000:log-group:dp-access",
        },
        {
          op: "replace",
          path: "/accessLogSettings/format",
          value:
            '{"requestId":"$context.requestId","status":"$context.status","subjectDN":"$context.identity.clientCert.subjectDN","notAfter":"$context.identity.clientCert.validity.notAfter"}',
        },
      ],
    }),
  );
});
afterAll(() => t.stop());

describe("the data plane", () => {
  it("accepts a client of the truststore and hands the backend what a Lambda proxy integration gets", async () => {
    const client = await withKey(await issue({ subject: "CN=device-1", issuer: rootA, ca: false }));
    const reply = await call(t.emulator.dataPlanePort!, DOMAIN, "/orders/42?x=1", ca, client);
    expect(reply.status).toBe(200);
    const context = reply.body.requestContext as {
      identity: {
        clientCert: { serialNumber: string; clientCertPem: string; validity: { notAfter: string } };
      };
    };
    expect(context).toMatchObject({
      stage: "prod",
      apiId,
      domainName: DOMAIN,
      resourcePath: "/42",
    });
    expect(context.identity.clientCert).toMatchObject({
      subjectDN: "CN=device-1",
      issuerDN: "CN=Data Plane Root A",
    });
    expect(context.identity.clientCert.serialNumber).toMatch(/^([0-9a-f]{2}:)+[0-9a-f]{2}$/);
    expect(context.identity.clientCert.validity.notAfter).toMatch(
      /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/,
    );
    const flat = (pem: string) => pem.replace(/\s/g, "");
    expect(flat(context.identity.clientCert.clientCertPem)).toBe(flat(client.pem));
  });

  it("refuses untrusted, expired, SHA-1 and absent client certificates with 403 and API Gateway's reason", async () => {
    const port = t.emulator.dataPlanePort!;
    const stranger = await withKey(
      await issue({
        subject: "CN=stranger",
        issuer: await issue({ subject: "CN=Other CA" }),
        ca: false,
      }),
    );
    const expired = await withKey(
      await issue({ subject: "CN=old", issuer: rootA, ca: false, validDays: [-30, -1] }),
    );
    const sha1 = await withKey(
      await issue({
        subject: "CN=weak",
        issuer: rootA,
        ca: false,
        hash: "SHA-1",
        key: { rsa: 2048 },
      }),
    );
    const cases: [Reply, string][] = [
      [await call(port, DOMAIN, "/orders", ca, stranger), "Could not find issuer for certificate"],
      [await call(port, DOMAIN, "/orders", ca, expired), "certificate has expired"],
      [await call(port, DOMAIN, "/orders", ca, sha1), "insecure Signature Algorithm"],
      [await call(port, DOMAIN, "/orders", ca), "No client certificate presented"],
    ];
    for (const [reply, reason] of cases) {
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({ message: "Forbidden" });
      expect(reply.reason).toContain(reason);
    }
  });

  it("a version switch takes effect after the UPDATING period; a rollback restores it", async () => {
    const port = t.emulator.dataPlanePort!;
    const client = await withKey(await issue({ subject: "CN=device-2", issuer: rootA, ca: false }));
    await t.control("config", { updatingMs: 60_000 });
    const switchTo = (v: string) =>
      t.clients().apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: DOMAIN,
          patchOperations: [
            { op: "replace", path: "/mutualTlsAuthentication/truststoreVersion", value: v },
          ],
        }),
      );
    await switchTo(versions[1]!);
    expect((await call(port, DOMAIN, "/orders", ca, client)).status).toBe(200);
    await t.control("clock", { advanceSeconds: 61 });
    expect((await call(port, DOMAIN, "/orders", ca, client)).status).toBe(403);
    await switchTo(versions[0]!);
    await t.control("clock", { advanceSeconds: 61 });
    expect((await call(port, DOMAIN, "/orders", ca, client)).status).toBe(200);
    await t.control("config", { updatingMs: 0 });
  });

  it("the default endpoint answers without a client certificate until it is disabled", async () => {
    const port = t.emulator.dataPlanePort!;
    const host = `${apiId}.execute-api.us-east-1.amazonaws.com`;
    expect((await call(port, host, "/prod/anything", ca)).status).toBe(200);
    await t.clients().apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: apiId,
        patchOperations: [{ op: "replace", path: "/disableExecuteApiEndpoint", value: "true" }],
      }),
    );
    expect((await call(port, host, "/prod/anything", ca)).status).toBe(403);
  });

  it("writes each request to the stage's access log with the clientCert variables", async () => {
    const { events = [] } = await t
      .clients()
      .logs.send(new FilterLogEventsCommand({ logGroupName: "dp-access" }));
    const logged = events.map((e) => JSON.parse(e.message!) as Record<string, string>);
    expect(logged.some((l) => l.subjectDN === "CN=device-1" && l.status === "200")).toBe(true);
    expect(logged.some((l) => l.subjectDN === "CN=stranger" && l.status === "403")).toBe(true);
    expect(logged.find((l) => l.subjectDN === "CN=device-1")!.notAfter).toMatch(/GMT$/);
  });
});
