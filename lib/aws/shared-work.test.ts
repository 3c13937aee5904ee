/**
 * Work made only of reads, shared while in flight (sharedWork in
 * shared-reads.ts), against the emulator through the real SDK with its
 * reads sent afresh inside (as the audit chain's check does): one run for
 * the callers that ask while it runs, a copy each; run anew after a write
 * began, in a server action, and by a caller whose shared run failed.
 */
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { inRequest } from "./request-log";
import { freshReads, sharedWork } from "./shared-reads";

let t: TestEmulator;
const bucket = "shared-work";
beforeAll(async () => {
  t = await startTestEmulator();
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await t.clients().s3.send(new PutObjectCommand({ Bucket: bucket, Key: "a", Body: "a" }));
});
afterAll(async () => t.stop());
beforeEach(async () => {
  await t.control("faults", undefined, "DELETE");
  await t.control("requests", undefined, "DELETE");
});

const s3 = () => t.clients().s3;
const listed = async () => (await t.control<{ counts: Record<string, number> }>("requests")).counts;
/** The work: a listing sent afresh, its keys in an object each caller may change. */
const check = (client = s3()) =>
  sharedWork("listing check", () =>
    freshReads(async () => {
      const answer = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return { keys: (answer.Contents ?? []).map((o) => o.Key!) };
    }),
  );
const slow = (count = 1) =>
  t.control("faults", { operation: "ListObjectsV2", kind: "latency", latencyMs: 300, count });

describe("work shared while in flight", () => {
  it("runs once for ten callers, each with its own copy", async () => {
    await slow();
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const answer = await check();
        const keys = [...answer.keys];
        answer.keys.push("changed by a caller");
        return keys;
      }),
    );
    expect((await listed()).ListObjectsV2).toBe(1);
    for (const keys of answers) expect(keys).toEqual(["a"]);
    // Nothing kept: the next caller runs it again.
    await check();
    expect((await listed()).ListObjectsV2).toBe(2);
  });

  it("never joins a run begun before a write: the caller after the write runs it anew", async () => {
    const client = s3();
    await slow();
    const before = check(client);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: "b", Body: "b" }));
    const after = await check(client);
    await before;
    expect(after.keys).toEqual(["a", "b"]);
    expect((await listed()).ListObjectsV2).toBe(2);
  });

  it("runs it again in a server action, and for a caller whose shared run failed", async () => {
    await slow();
    const shared = check();
    const inAction = inRequest({ requestId: "action" }, () => check());
    await Promise.all([shared, inAction]);
    expect((await listed()).ListObjectsV2).toBe(2);

    await t.control("requests", undefined, "DELETE");
    let runs = 0;
    const failing = sharedWork("failing check", async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (runs === 1) throw new Error("the first run broke");
      return "done";
    });
    const joined = sharedWork("failing check", async () => {
      runs++;
      return "done";
    });
    await expect(failing).rejects.toThrow("the first run broke");
    await expect(joined).resolves.toBe("done");
    expect(runs).toBe(2);
  });
});
