/**
 * Work made only of reads, shared while in flight (shared-work.ts),
 * against the emulator through the real SDK with its reads sent afresh
 * inside (as the audit chain's check does): one run for
 * the callers that ask while it runs (begun a second ago at most), a copy
 * each; run anew after a write began and in a server action; a failed run
 * run once more for all who joined it.
 */
import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { bucketEmulator } from "../../test-support/suite-emulator";
import { inRequest } from "./request-log";
import { freshReads } from "./shared-reads";
import { sharedWork } from "./shared-work";

const bucket = "shared-work";
const t = bucketEmulator(bucket);

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

  it("runs it again in a server action", async () => {
    await slow();
    const shared = check();
    const inAction = inRequest({ requestId: "action" }, () => check());
    await Promise.all([shared, inAction]);
    expect((await listed()).ListObjectsV2).toBe(2);
  });

  it("a shared run that failed is run once more for all who joined it, not once each", async () => {
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (runs === 1) throw new Error("the first run broke");
      return { run: runs };
    };
    const first = sharedWork("failing check", work);
    const joined = Array.from({ length: 20 }, () => sharedWork("failing check", work));
    await expect(first).rejects.toThrow("the first run broke");
    for (const answer of await Promise.all(joined)) expect(answer).toEqual({ run: 2 });
    expect(runs).toBe(2);

    // A retry that fails too is everyone's failure: no third run.
    runs = 0;
    const always = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error(`run ${runs} broke`);
    };
    const tries = [sharedWork("broken check", always), sharedWork("broken check", always)];
    const settled = await Promise.allSettled(tries);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    expect(runs).toBe(2);
  });

  it("is not joined once it has run for over a second: a later caller runs it itself", async () => {
    let runs = 0;
    const slowWork = async () => {
      const run = ++runs;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return run;
    };
    const early = sharedWork("slow check", slowWork);
    const soon = sharedWork("slow check", slowWork);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const late = sharedWork("slow check", slowWork);
    expect(await Promise.all([early, soon, late])).toEqual([1, 1, 2]);
  });
});
