/**
 * `npm run --silent revocation` as an operator runs it: a real process
 * against the emulator, the same lists the console keeps, its changes in
 * the audit trail, and the exit codes.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAwsCli } from "../test-support/cli-process";
import { issue } from "../lib/pki/generate";
import { parseRevocationDocument, revocationKey } from "../lib/revocation/document";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { plainDomain, seedMtlsDomain, type SeededDomain } from "../test-support/seed";
import { fleetFile, FLEET } from "../test-support/fleet";

let t: TestEmulator;
let dir: string;
let seeded: SeededDomain;
let plain: string;
let stolenPem: string;

const CLI_ENV = { AUDIT_BUCKET: "revocation-cli-audit", MTLS_CONSOLE_USER: "ops-pipeline" };
const revocation = (args: string[], input?: string) =>
  runAwsCli("scripts/revocation.ts", args, t.endpoint, CLI_ENV, input);

const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  t = await startTestEmulator();
  dir = await mkdtemp(path.join(tmpdir(), "revocation-cli-"));
  const aws = t.clients();
  await aws.s3.send(new CreateBucketCommand({ Bucket: "revocation-cli-audit" }));
  const ca = await issue({ subject: "CN=CLI Fleet CA" });
  const stolen = await issue({ subject: "CN=device-17", issuer: ca, ca: false });
  const fine = await issue({ subject: "CN=device-18", issuer: ca, ca: false });
  seeded = await seedMtlsDomain(aws, { versions: [ca.pem], prefix: "revocation-cli" });
  plain = await plainDomain(aws);
  await writeFile(file("stolen.pem"), stolen.pem);
  await writeFile(file("fine.pem"), fine.pem);
  await writeFile(file("junk.pem"), "not a certificate");
  stolenPem = stolen.pem;
}, 30_000);

afterAll(async () => {
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("revocation CLI", () => {
  it("adds, checks, lists and removes a revocation; each change recorded", async () => {
    const domain = seeded.domainName;
    const added = await revocation([
      "add",
      domain,
      "--cert",
      file("stolen.pem"),
      "--reason",
      "reported stolen",
    ]);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain("Revoked device-17");
    const stored = await t
      .clients()
      .s3.send(new GetObjectCommand({ Bucket: seeded.bucket, Key: revocationKey(domain) }));
    const parsed = parseRevocationDocument(await stored.Body!.transformToString());
    expect(parsed.ok && parsed.doc.denied).toEqual([
      expect.objectContaining({ reason: "reported stolen", by: "cli:ops-pipeline" }),
    ]);

    const refused = await revocation(["check", domain, "--cert", file("stolen.pem")]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("device-17 on");
    expect(refused.stdout).toContain("REFUSED. Revoked on the deny list");
    expect((await revocation(["check", domain, "--cert", file("fine.pem")])).code).toBe(0);

    const listed = await revocation(["list", domain, "--json"]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      denied: [{ subject: "CN=device-17" }],
      crls: [],
    });

    expect((await revocation(["remove", domain, "--cert", file("stolen.pem")])).code).toBe(0);
    expect((await revocation(["check", domain, "--cert", file("stolen.pem")])).code).toBe(0);

    // Both changes are in the audit trail, and no intent is left open.
    const keys = async (prefix: string) =>
      (
        await t.clients().s3.send(
          new ListObjectsV2Command({
            Bucket: "revocation-cli-audit",
            Prefix: `mtls-console/${prefix}`,
          }),
        )
      ).Contents ?? [];
    expect(await keys(`events/us-east-1/${domain}/`)).toHaveLength(2);
    expect(await keys(`intents/us-east-1/${domain}/`)).toHaveLength(0);
  });

  it("--json for a change too; --cert - reads the certificate from standard input", async () => {
    const domain = seeded.domainName;
    const added = await revocation(["add", domain, "--cert", "-", "--json"], stolenPem);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      domainName: domain,
      revoked: true,
      client: { subject: "CN=device-17" },
      versionId: expect.any(String),
    });
    const checked = await revocation(["check", domain, "--cert", "-", "--json"], stolenPem);
    expect([checked.code, JSON.parse(checked.stdout).allowed]).toEqual([1, false]);
    const lifted = await revocation(["remove", domain, "--cert", "-", "--json"], stolenPem);
    expect([lifted.code, JSON.parse(lifted.stdout).revoked]).toEqual([0, false]);
  });

  it("exits 3 with a plain sentence for bad usage and a file that is no certificate, 2 for a domain without mTLS", async () => {
    const noCert = await revocation(["add", seeded.domainName]);
    expect(noCert).toMatchObject({ code: 3, stderr: expect.stringContaining("--cert FILE") });
    const junk = await revocation(["check", seeded.domainName, "--cert", file("junk.pem")]);
    expect(junk).toMatchObject({ code: 3, stderr: expect.stringContaining("Not a PEM") });
    const off = await revocation(["list", plain]);
    expect(off).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Mutual TLS is not enabled"),
    });
    const unknown = await revocation(["revoke-all", seeded.domainName]);
    expect(unknown).toMatchObject({ code: 3, stderr: expect.stringContaining("Unknown command") });
  });

  it("exits 4 when AWS cannot be reached", async () => {
    const r = await runAwsCli(
      "scripts/revocation.ts",
      ["list", seeded.domainName],
      "http://127.0.0.1:1",
      CLI_ENV,
    );
    expect([r.code, r.stderr]).toEqual([4, expect.stringContaining("cannot be reached")]);
  });

  it("in a fleet, names the account: a bare region is refused (exit 3), ACCOUNT:REGION acts there", async () => {
    const env = {
      AUDIT_BUCKET: "revocation-cli-audit",
      MTLS_CONSOLE_ACCOUNTS: fleetFile(["payments"], ["us-east-1"]),
    };
    const bare = await runAwsCli(
      "scripts/revocation.ts",
      ["list", seeded.domainName, "--region", "us-east-1"],
      t.endpoint,
      env,
    );
    expect(bare.code).toBe(3);
    expect(bare.stderr).toContain("--region names an account's place, ACCOUNT:REGION");
    // The domain is not in payments: its lists are read there, and it is not found there.
    const there = await runAwsCli(
      "scripts/revocation.ts",
      ["list", seeded.domainName, "--region", `${FLEET.payments}:us-east-1`, "--json"],
      t.endpoint,
      env,
    );
    expect(there.stderr).not.toContain("ACCOUNT:REGION");
    expect(there.code).toBe(2);
  });
});
