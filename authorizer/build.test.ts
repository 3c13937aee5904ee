/**
 * The built zip, as Lambda would run it: index.js unzipped into an empty
 * folder, loaded with require (no node_modules beside it), its handler
 * configured by the environment alone and reading the emulator's S3.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { issue, makeCrl } from "../lib/pki/generate";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { unique } from "../test-support/seed";
import { AUTHORIZER_ZIP, buildAuthorizer } from "./build";
import { httpV2Event, restEvent } from "./documented-events";
import type { AuthorizerEvent, AuthorizerResponse } from "./handler";
import { crlEntry, denyEntry, listsDocument, presented, putLists } from "./test-lists";

let t: TestEmulator;
let dir: string;
const env: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestEmulator();
  dir = await mkdtemp(path.join(tmpdir(), "authorizer-build-"));
});

afterAll(async () => {
  for (const key of Object.keys(env)) delete process.env[key];
  await t?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm run authorizer:build", () => {
  it("zips one index.js whose handler allows and denies for REST and HTTP APIs", async () => {
    const built = await buildAuthorizer(path.join(dir, "dist"));
    expect(built.zipPath).toBe(path.join(dir, "dist", AUTHORIZER_ZIP));
    const files = unzipSync(new Uint8Array(await readFile(built.zipPath)));
    expect(Object.keys(files)).toEqual(["index.js"]);
    expect(built.zipBytes).toBeLessThan(5 * 1024 * 1024);
    const unzipped = path.join(dir, "function");
    await mkdir(unzipped);
    await writeFile(path.join(unzipped, "index.js"), files["index.js"]!);

    const { s3 } = t.clients();
    const bucket = unique("ts-authz-build");
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const ca = await issue({ subject: "CN=Build CA, O=Example" });
    const fine = await issue({ subject: "CN=fine, O=Example", issuer: ca, ca: false });
    const denied = await issue({ subject: "CN=denied, O=Example", issuer: ca, ca: false });
    const revoked = await issue({ subject: "CN=revoked, O=Example", issuer: ca, ca: false });
    const domain = `${unique("api")}.example.com`;
    const { pem, crl } = await makeCrl(ca, [revoked]);
    await putLists(
      s3,
      bucket,
      domain,
      listsDocument(domain, { denied: [denyEntry(denied)], crls: [crlEntry(pem, crl)] }),
    );

    Object.assign(env, {
      AWS_ENDPOINT_URL: t.endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      REVOCATION_BUCKET: bucket,
    });
    Object.assign(process.env, env);
    const lambda = createRequire(import.meta.url)(path.join(unzipped, "index.js")) as {
      handler: (event: AuthorizerEvent) => Promise<AuthorizerResponse>;
    };
    const logged = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const effect = async (event: AuthorizerEvent) =>
        (await lambda.handler(event)).policyDocument.Statement[0].Effect;
      expect(await effect(restEvent(domain, presented(fine)))).toBe("Allow");
      expect(await effect(restEvent(domain, presented(denied)))).toBe("Deny");
      expect(await effect(restEvent(domain, presented(revoked)))).toBe("Deny");
      expect(await effect(restEvent(domain))).toBe("Deny");
      expect(await lambda.handler(httpV2Event(domain, presented(fine)))).toMatchObject({
        isAuthorized: true,
        context: { revocationChecked: "true" },
      });
      expect(await lambda.handler(httpV2Event(domain, presented(revoked)))).toMatchObject({
        isAuthorized: false,
        context: { reason: "revoked" },
      });
      const lines = logged.mock.calls.map(([line]) => JSON.parse(String(line)));
      expect(lines.map((l) => l.decision)).toEqual([
        "allow",
        "deny",
        "deny",
        "deny",
        "allow",
        "deny",
      ]);
      expect(lines.slice(1).map((l) => l.lists)).toContain("unchanged");
    } finally {
      logged.mockRestore();
    }
  });
});
