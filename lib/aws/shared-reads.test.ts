/**
 * Reads shared while in flight, against the emulator through the real SDK
 * (request counts from the emulator): one request for many callers, a copy
 * each, never across a write, never in a server action, under a change's
 * deadline or in freshReads, never for GetObject; a failed shared request
 * fails only its sender.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { bucketEmulator } from "../../test-support/suite-emulator";
import { withDeadline } from "./deadline";
import { inRequest } from "./request-log";
import { freshReads } from "./shared-reads";

const bucket = "shared-reads";
const t = bucketEmulator(bucket);

const s3 = (callDeadlineMs?: number) =>
  t.clients("us-east-1", callDeadlineMs ? { callDeadlineMs, maxAttempts: 1 } : {}).s3;
const counts = async () => (await t.control<{ counts: Record<string, number> }>("requests")).counts;
const list = (client: ReturnType<typeof s3>, prefix = "") =>
  client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
/** Holds the next `count` calls of `operation` back, so that reads overlap for sure. */
const slow = (operation: string, count = 1) =>
  t.control("faults", { operation, kind: "latency", latencyMs: 300, count });

describe("reads shared while in flight", () => {
  it("sends one request for twenty callers, each getting its own copy", async () => {
    const client = s3();
    await slow("ListObjectsV2");
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const answer = await list(client);
        // Each caller changes its answer at once: no other caller may see it.
        const keys = answer.Contents?.map((o) => o.Key);
        answer.Contents?.push({ Key: "changed by a caller" });
        return keys;
      }),
    );
    expect((await counts()).ListObjectsV2).toBe(1);
    for (const keys of answers) expect(keys).toEqual(["a"]);
  });

  it("shares only the same operation and input on the same client, and keeps nothing after", async () => {
    const client = s3();
    await slow("ListObjectsV2", 3);
    await Promise.all([list(client), list(client, "a"), list(s3())]);
    await list(client);
    expect((await counts()).ListObjectsV2).toBe(4);
  });

  it("never joins a read sent before a write began: a read after the write is sent anew", async () => {
    const client = s3();
    await slow("ListObjectsV2");
    const before = list(client);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: "b", Body: "b" }));
    const after = await list(client);
    await before;
    expect(after.Contents?.map((o) => o.Key)).toEqual(["a", "b"]);
    expect((await counts()).ListObjectsV2).toBe(2);
  });

  it("AWS's error is every caller's answer too: one refused request, five callers told so", async () => {
    const client = s3();
    await t.control("faults", { operation: "ListObjectsV2", kind: "accessDenied", count: 1 });
    await slow("ListObjectsV2");
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => list(client)));
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill("rejected"));
    expect((await counts()).ListObjectsV2).toBe(1);
  });

  it("a caller that joined a request stuck past its deadline still gets its answer in time", async () => {
    const client = s3(1000);
    await t.control("faults", {
      operation: "ListObjectsV2",
      kind: "latency",
      latencyMs: 3000,
      count: 1,
    });
    const first = list(client).then(
      () => "answered",
      () => "failed",
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    const started = Date.now();
    const joined = await list(client);
    expect(joined.Contents?.map((o) => o.Key)).toContain("a");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await first).toBe("failed");
    expect((await counts()).ListObjectsV2).toBe(2);
  });

  it("sends each read of a server action, of a change under its deadline and of freshReads itself", async () => {
    const client = s3();
    await slow("ListObjectsV2", 6);
    const context = { requestId: "test", action: "test" } as Parameters<typeof inRequest>[0];
    await inRequest(context, () => Promise.all([list(client), list(client), list(client)]));
    await withDeadline(
      () => Date.now() + 10_000,
      () => Promise.all([list(client), list(client), list(client)]),
    );
    await slow("ListObjectsV2", 3);
    await freshReads(() => Promise.all([list(client), list(client), list(client)]));
    expect((await counts()).ListObjectsV2).toBe(9);
  });

  it("shares a GetObject read whole: each caller reads its own bytes, as a string or an array", async () => {
    const client = s3();
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: "doc",
        Body: "shared body",
        Metadata: { m: "1" },
      }),
    );
    await t.control("requests", undefined, "DELETE");
    await slow("GetObject");
    const get = () => client.send(new GetObjectCommand({ Bucket: bucket, Key: "doc" }));
    const answers = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const object = await get();
        object.Metadata!.m = `changed by ${i}`;
        if (i % 2) return new TextDecoder().decode(await object.Body!.transformToByteArray());
        return object.Body!.transformToString();
      }),
    );
    expect(answers).toEqual(Array(5).fill("shared body"));
    expect((await counts()).GetObject).toBe(1);
    const again = await get();
    expect(again.Metadata).toEqual({ m: "1" });
    expect(await again.Body!.transformToString()).toBe("shared body");
  });

  it("decodes a shared body as the SDK does: a byte order mark is kept", async () => {
    const client = s3();
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: "bom", Body: "\ufeff{}" }));
    await slow("GetObject");
    const texts = await Promise.all(
      Array.from({ length: 3 }, async () =>
        (
          await client.send(new GetObjectCommand({ Bucket: bucket, Key: "bom" }))
        ).Body!.transformToString(),
      ),
    );
    expect(texts).toEqual(Array(3).fill("\ufeff{}"));
  });

  it("does not share a GetObject over 2 MB: each caller that joined sends its own", async () => {
    const client = s3();
    const big = "x".repeat(2_100_000);
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: "big", Body: big }));
    await t.control("requests", undefined, "DELETE");
    await slow("GetObject");
    const lengths = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: "big" }));
        return (await object.Body!.transformToString()).length;
      }),
    );
    expect(lengths).toEqual([big.length, big.length, big.length]);
    expect((await counts()).GetObject).toBe(3);
  });
});
