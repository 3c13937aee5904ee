/**
 * The demo's revocation, end to end in the emulator: the built authorizer
 * zip runs as a Lambda function behind api.partners.example.com; a demo
 * client passes (curl, a real mTLS handshake), is refused within the
 * authorizer's 10 s cache once the lists revoke it (the probe CLI's
 * handshake), and passes again once the revocation is lifted.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  GetAuthorizersCommand,
  GetBasePathMappingsCommand,
  GetResourcesCommand,
} from "@aws-sdk/client-api-gateway";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAuthorizer } from "../../authorizer/build";
import { parseRevocationDocument, revocationKey } from "../../lib/revocation/document";
import { clientRefOf } from "../../lib/revocation/revocation";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { probe } from "../../scripts/probe";
import { DEMO_BUCKET } from "./helpers";
import { DEMO_AUTHORIZER_TTL, DEMO_REVOCATION_DOMAIN } from "./demo-revocation";

const run = promisify(execFile);
let t: TestEmulator;
let dir: string;
let ca: string;
let clientPem: string;

const key = revocationKey(DEMO_REVOCATION_DOMAIN);
const url = (port: number) => `https://${DEMO_REVOCATION_DOMAIN}:${port}/orders/42`;

async function curl(): Promise<{ status: number; body: string }> {
  const port = t.emulator.dataPlanePort!;
  const { stdout } = await run("curl", [
    "--silent",
    "--show-error",
    "--cacert",
    path.join(dir, "ca.pem"),
    "--cert",
    path.join(dir, "client.pem"),
    "--resolve",
    `${DEMO_REVOCATION_DOMAIN}:${port}:127.0.0.1`,
    "--write-out",
    "\n%{http_code}",
    url(port),
  ]);
  const lines = stdout.split("\n");
  return { status: Number(lines.pop()), body: lines.join("\n") };
}

async function lists() {
  const res = await t.clients().s3.send(new GetObjectCommand({ Bucket: DEMO_BUCKET, Key: key }));
  const parsed = parseRevocationDocument(await res.Body!.transformToString());
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.doc;
}

async function putLists(doc: Awaited<ReturnType<typeof lists>>) {
  await t
    .clients()
    .s3.send(new PutObjectCommand({ Bucket: DEMO_BUCKET, Key: key, Body: JSON.stringify(doc) }));
}

const afterTtl = () => t.control("clock", { advanceSeconds: DEMO_AUTHORIZER_TTL + 1 });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "demo-revocation-"));
  const built = await buildAuthorizer(path.join(dir, "dist"));
  process.env.REVOCATION_AUTHORIZER_ZIP = built.zipPath;
  t = await startTestEmulator({ seed: true, dataPort: 0 });
  ca = await (await fetch(`${t.endpoint}/_emulator/ca.pem`)).text();
  clientPem = await (await fetch(`${t.endpoint}/_emulator/demo-clients/reports.pem`)).text();
  await writeFile(path.join(dir, "ca.pem"), ca);
  await writeFile(path.join(dir, "client.pem"), clientPem);
}, 60_000);

afterAll(async () => {
  delete process.env.REVOCATION_AUTHORIZER_ZIP;
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("the demo domain enforces revocation with the real authorizer", () => {
  it("runs the revocation authorizer on every method, cached 10 s by the client certificate", async () => {
    const { apiGateway } = t.clients();
    const { items } = await apiGateway.send(
      new GetBasePathMappingsCommand({ domainName: DEMO_REVOCATION_DOMAIN }),
    );
    const apiId = items![0]!.restApiId!;
    const authorizers = (await apiGateway.send(new GetAuthorizersCommand({ restApiId: apiId })))
      .items!;
    expect(authorizers).toEqual([
      expect.objectContaining({
        type: "REQUEST",
        authorizerResultTtlInSeconds: 10,
        identitySource: expect.stringContaining("context.identity.clientCert.serialNumber"),
        authorizerUri: expect.stringContaining("function:mtls-revocation-authorizer/invocations"),
      }),
    ]);
    const resources = await apiGateway.send(
      new GetResourcesCommand({ restApiId: apiId, embed: ["methods"] }),
    );
    const methods = resources.items!.flatMap((r) => Object.values(r.resourceMethods ?? {}));
    expect(methods.length).toBeGreaterThanOrEqual(4);
    expect(methods.every((m) => m.authorizationType === "CUSTOM")).toBe(true);
  });

  it("200, then 403 within the cache TTL once revoked, then 200 once lifted", async () => {
    const first = await curl();
    expect(first.status).toBe(200);
    // The authorizer's context reaches the integration: who the client is, and that it was checked.
    expect(JSON.parse(first.body).requestContext.authorizer).toMatchObject({
      revocationChecked: "true",
      subjectDN: expect.stringContaining("reports"),
    });

    const client = clientRefOf(clientPem);
    const before = await lists();
    await putLists({
      ...before,
      denied: [{ ...client, by: "test", at: new Date().toISOString() }],
    });
    // Within the TTL the cached Allow may still serve; after it, the revocation bites.
    await afterTtl();
    const refused = await probe({
      url: url(t.emulator.dataPlanePort!),
      connect: `127.0.0.1:${t.emulator.dataPlanePort}`,
      cert: clientPem,
      key: clientPem,
      ca,
    });
    expect(refused).toMatchObject({ outcome: "refused", status: 403 });

    await putLists(before);
    await afterTtl();
    expect((await curl()).status).toBe(200);
  });

  it("another CA's client with the same serial is not refused", async () => {
    const mine = clientRefOf(clientPem);
    const before = await lists();
    // The reports client's serial, under another issuer: matches nobody the demo has.
    await putLists({
      ...before,
      denied: [
        {
          issuer: "CN=Some Other CA",
          serial: mine.serial,
          by: "test",
          at: new Date().toISOString(),
        },
      ],
    });
    await afterTtl();
    expect((await curl()).status).toBe(200);
    await putLists(before);
  });
});
