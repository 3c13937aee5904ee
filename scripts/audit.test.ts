/**
 * `npm run audit -- verify` as an auditor runs it: a real process against
 * the emulator's S3; a whole trail exits 0, a forged record exits 2 and
 * names the domain.
 */
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { runAwsCli } from "../test-support/cli-process";
import { suiteEmulator } from "../test-support/suite-emulator";
import { recordAuditEvent } from "../lib/records/audit";

const BUCKET = "cli-audit";

const audit = (args: string[]) =>
  runAwsCli("scripts/audit.ts", args, t.endpoint, { AUDIT_BUCKET: BUCKET });

const t = suiteEmulator({ AUDIT_BUCKET: BUCKET });

beforeAll(async () => {
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const domainName of ["a.cli.example", "b.cli.example"])
    for (let i = 0; i < 3; i++)
      await recordAuditEvent({
        user: `op${i}`,
        role: "operator",
        action: "activate-truststore-version",
        domainName,
        region: "us-east-1",
        result: "success",
      });
});

describe("npm run audit -- verify", () => {
  it("exits 0 when every trail is whole, 2 naming the domain whose record was forged", async () => {
    const whole = await audit(["verify"]);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain("2 trail(s) checked, 0 broken.");
    const listed = await t.clients().s3.send(
      new ListObjectsV2Command({
        Bucket: BUCKET,
        Prefix: "mtls-console/events/us-east-1/b.cli.example/",
      }),
    );
    const key = listed.Contents![1]!.Key!;
    const record = JSON.parse(
      await (
        await t.clients().s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
      ).Body!.transformToString(),
    );
    await t.clients().s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: JSON.stringify({ ...record, toVersion: "forged" }),
      }),
    );
    const broken = await audit(["verify", "--json"]);
    expect(broken.code).toBe(2);
    const report = JSON.parse(broken.stdout) as {
      ok: boolean;
      trails: { domainName: string; report: { ok: boolean } }[];
    };
    expect(report.ok).toBe(false);
    expect(report.trails.filter((r) => !r.report.ok).map((r) => r.domainName)).toEqual([
      "b.cli.example",
    ]);
    expect((await audit(["nonsense"])).code).toBe(3);
  });

  it("exits 4 when the store cannot be reached", async () => {
    const r = await runAwsCli("scripts/audit.ts", ["verify"], "http://127.0.0.1:1", {
      AUDIT_BUCKET: BUCKET,
    });
    expect([r.code, r.stderr]).toEqual([4, expect.stringContaining("cannot be reached")]);
  });
});
