/**
 * The audit trail against the emulator's S3 through the real SDK: changes
 * chained per domain (a forged, removed or out-of-turn record is reported,
 * records written at once never fork), refusals kept apart so that no
 * flood of them hides a change, and a refusal rate shared by instances.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../test-support/suite-emulator";
import * as audit from "./audit";

const BUCKET = "chain-audit";
const base = {
  role: "operator" as const,
  region: "us-east-1",
  action: "activate-truststore-version",
};

const keysOf = async (prefix: string) =>
  (
    (
      await t
        .clients()
        .s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `mtls-console/${prefix}` }))
    ).Contents ?? []
  ).map((c) => c.Key!);

const t = suiteEmulator({ AUDIT_BUCKET: BUCKET });

beforeAll(async () => {
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

async function changes(domainName: string, n: number) {
  for (let i = 0; i < n; i++)
    await audit.recordAuditEvent({
      ...base,
      domainName,
      user: `op${i}`,
      result: "success",
      toVersion: `v${i}`,
    });
}

describe("the audit trail", () => {
  it("chains a domain's changes; twenty written at once never fork the chain", async () => {
    await changes("chain.test.example", 3);
    expect(await audit.verifyAuditTrail("chain.test.example", "us-east-1")).toMatchObject({
      ok: true,
      records: 3,
    });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.recordAuditEvent({
          ...base,
          domainName: "chain.test.example",
          user: `burst${i}`,
          result: "success",
        }),
      ),
    );
    expect(await audit.verifyAuditTrail("chain.test.example", "us-east-1")).toMatchObject({
      ok: true,
      records: 23,
    });
  });

  it("reports a forged record, and a removed newest one", async () => {
    const domain = "forged.test.example";
    await changes(domain, 3);
    const keys = (await keysOf(`events/us-east-1/${domain}/`)).sort().reverse(); // oldest first
    // Someone with write access rewrites who made the middle change.
    const middle = keys[1]!;
    const body = JSON.parse(
      await (
        await t.clients().s3.send(
          new GetObjectCommand({
            Bucket: BUCKET,
            Key: middle,
          }),
        )
      ).Body!.transformToString(),
    );
    await t.clients().s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: middle,
        Body: JSON.stringify({ ...body, user: "innocent" }),
      }),
    );
    const forged = await audit.verifyAuditTrail(domain, "us-east-1");
    expect(forged.ok).toBe(false);
    expect(forged.problem).toContain("edited or replaced");

    const other = "shortened.test.example";
    await changes(other, 3);
    const newest = (await keysOf(`events/us-east-1/${other}/`)).sort()[0]!;
    await t.clients().s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: newest }));
    const shortened = await audit.verifyAuditTrail(other, "us-east-1");
    expect(shortened).toMatchObject({ ok: false });
    expect(shortened.problem).toContain("the newest were removed");
  });

  it("keeps refusals apart: sixty of them hide no change, and 'changed by' still finds it", async () => {
    const domain = "flooded.test.example";
    await audit.recordAuditEvent({
      ...base,
      domainName: domain,
      user: "real-op",
      result: "success",
      toVersion: "v9",
    });
    for (let i = 0; i < 60; i += 20)
      await Promise.all(
        Array.from({ length: 20 }, () =>
          audit.recordAuditEvent({
            ...base,
            domainName: domain,
            user: "noisy-viewer",
            role: "viewer",
            result: "refused",
          }),
        ),
      );
    const shown = await audit.listAuditEvents(domain, "us-east-1");
    expect(shown.map((e) => e.user)).toEqual(["real-op"]);
    expect((await audit.changeTo(domain, "us-east-1", "v9"))?.user).toBe("real-op");
    expect(await audit.listRefusals(domain, "us-east-1")).toHaveLength(20);
    expect(await audit.verifyAuditTrail(domain, "us-east-1")).toMatchObject({
      ok: true,
      records: 1,
    });
  });

  it("pages through every change", async () => {
    const domain = "paged.test.example";
    await changes(domain, 7);
    const first = await audit.listAuditPage(domain, "us-east-1", 3);
    const second = await audit.listAuditPage(domain, "us-east-1", 3, first.next);
    const third = await audit.listAuditPage(domain, "us-east-1", 3, second.next);
    expect([first, second, third].flatMap((p) => p.events.map((e) => e.user))).toEqual([
      "op6",
      "op5",
      "op4",
      "op3",
      "op2",
      "op1",
      "op0",
    ]);
    expect(third.next).toBeUndefined();
  });

  it("a user's refusals are recorded at most REFUSALS_PER_MINUTE a minute, counted in the store (every instance shares it)", async () => {
    const verdicts = [];
    for (let i = 0; i < audit.REFUSALS_PER_MINUTE + 2; i++)
      verdicts.push(await audit.refusalMayBeRecorded("flooder"));
    expect(verdicts.filter(Boolean)).toHaveLength(audit.REFUSALS_PER_MINUTE);
    expect(await keysOf("refusal-marks/")).toHaveLength(audit.REFUSALS_PER_MINUTE);
  });
});
