/**
 * S3 through the real AWS SDK v3 client over HTTP: versions, delete
 * markers, errors, listings, conditional writes and deletes, the expected
 * bucket owner, virtual-host style.
 */
import { request } from "node:http";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { errorOf } from "../../test-support/failure";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

describe("S3", () => {
  it("versioned bucket: two versions, each readable by version id, listed newest first, with metadata", async () => {
    const { s3 } = t.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "stores" }));
    expect(
      (await s3.send(new GetBucketVersioningCommand({ Bucket: "stores" }))).Status,
    ).toBeUndefined();
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: "stores",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: "stores" }))).Status).toBe(
      "Enabled",
    );
    const v1 = await s3.send(
      new PutObjectCommand({
        Bucket: "stores",
        Key: "a/ts.pem",
        Body: "one",
        Metadata: { "uploaded-by": "alice" },
      }),
    );
    const v2 = await s3.send(
      new PutObjectCommand({ Bucket: "stores", Key: "a/ts.pem", Body: "two!" }),
    );
    expect(v1.VersionId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(v2.VersionId).not.toBe(v1.VersionId);
    expect(v1.ETag).toBe('"f97c5d29941bfb1b2fdab0874906ab82"');

    const old = await s3.send(
      new GetObjectCommand({ Bucket: "stores", Key: "a/ts.pem", VersionId: v1.VersionId }),
    );
    expect(await old.Body!.transformToString()).toBe("one");
    expect(old.Metadata).toEqual({ "uploaded-by": "alice" });
    expect(old.VersionId).toBe(v1.VersionId);
    const current = await s3.send(new GetObjectCommand({ Bucket: "stores", Key: "a/ts.pem" }));
    expect(await current.Body!.transformToString()).toBe("two!");
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: "stores", Key: "a/ts.pem", VersionId: v1.VersionId }),
    );
    expect(head.ContentLength).toBe(3);

    const list = await s3.send(new ListObjectVersionsCommand({ Bucket: "stores", Prefix: "a/" }));
    expect(list.Versions?.map((v) => [v.VersionId, v.IsLatest, v.Size])).toEqual([
      [v2.VersionId, true, 4],
      [v1.VersionId, false, 3],
    ]);
  });

  it("delete markers hide the object but keep its versions", async () => {
    const { s3 } = t.clients();
    const v1 = await s3.send(
      new PutObjectCommand({ Bucket: "stores", Key: "b.pem", Body: "kept" }),
    );
    const del = await s3.send(new DeleteObjectCommand({ Bucket: "stores", Key: "b.pem" }));
    expect(del.DeleteMarker).toBe(true);
    const gone = await errorOf(s3.send(new GetObjectCommand({ Bucket: "stores", Key: "b.pem" })));
    expect(gone.name).toBe("NoSuchKey");
    expect(gone.status).toBe(404);
    const still = await s3.send(
      new GetObjectCommand({ Bucket: "stores", Key: "b.pem", VersionId: v1.VersionId }),
    );
    expect(await still.Body!.transformToString()).toBe("kept");
    const list = await s3.send(
      new ListObjectVersionsCommand({ Bucket: "stores", Prefix: "b.pem" }),
    );
    expect(list.DeleteMarkers?.map((m) => [m.VersionId, m.IsLatest])).toEqual([
      [del.VersionId, true],
    ]);
    expect(list.Versions?.map((v) => v.IsLatest)).toEqual([false]);
    // Deleting the marker by id brings the object back.
    await s3.send(
      new DeleteObjectCommand({ Bucket: "stores", Key: "b.pem", VersionId: del.VersionId }),
    );
    expect(
      await (
        await s3.send(new GetObjectCommand({ Bucket: "stores", Key: "b.pem" }))
      ).Body!.transformToString(),
    ).toBe("kept");
  });

  it("errors: NoSuchBucket, NoSuchKey, NoSuchVersion, BucketAlreadyOwnedByYou, HeadBucket 404", async () => {
    const { s3 } = t.clients();
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: "nope-bucket", Key: "x" })))).name,
    ).toBe("NoSuchBucket");
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: "stores", Key: "missing" })))).name,
    ).toBe("NoSuchKey");
    const noVersion = await errorOf(
      s3.send(
        new GetObjectCommand({
          Bucket: "stores",
          Key: "a/ts.pem",
          VersionId: "0000000000000000000000000000abcd",
        }),
      ),
    );
    expect(noVersion.name).toBe("NoSuchVersion");
    expect((await errorOf(s3.send(new CreateBucketCommand({ Bucket: "stores" })))).name).toBe(
      "BucketAlreadyOwnedByYou",
    );
    expect((await errorOf(s3.send(new HeadBucketCommand({ Bucket: "nope-bucket" })))).status).toBe(
      404,
    );
    expect((await errorOf(s3.send(new CreateBucketCommand({ Bucket: "Bad_Name" })))).name).toBe(
      "InvalidBucketName",
    );
  });

  it("unversioned buckets return no version id; ListObjectsV2 pages; ListBuckets lists", async () => {
    const { s3 } = t.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "plain" }));
    const put = await s3.send(new PutObjectCommand({ Bucket: "plain", Key: "k0", Body: "x" }));
    expect(put.VersionId).toBeUndefined();
    for (let i = 1; i < 5; i++)
      await s3.send(new PutObjectCommand({ Bucket: "plain", Key: `k${i}`, Body: "x" }));
    const first = await s3.send(new ListObjectsV2Command({ Bucket: "plain", MaxKeys: 3 }));
    expect(first.Contents?.map((c) => c.Key)).toEqual(["k0", "k1", "k2"]);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(
      new ListObjectsV2Command({
        Bucket: "plain",
        MaxKeys: 3,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect(second.Contents?.map((c) => c.Key)).toEqual(["k3", "k4"]);
    expect(second.IsTruncated).toBe(false);
    const buckets = await s3.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual(
      expect.arrayContaining(["plain", "stores"]),
    );
  });

  it("ListObjectVersions pages with key and version markers", async () => {
    const { s3 } = t.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "paged" }));
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: "paged",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await s3.send(new PutObjectCommand({ Bucket: "paged", Key: "ts.pem", Body: `v${i}` })))
          .VersionId!,
      );
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    for (;;) {
      const page = await s3.send(
        new ListObjectVersionsCommand({
          Bucket: "paged",
          MaxKeys: 2,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
        }),
      );
      seen.push(...(page.Versions ?? []).map((v) => v.VersionId!));
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionMarker = page.NextVersionIdMarker;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it("conditional reads on ETags: If-None-Match of the current ETag is 304, a stale If-Match 412", async () => {
    const { s3 } = t.clients();
    const put = await s3.send(
      new PutObjectCommand({ Bucket: "stores", Key: "lists.json", Body: "{}" }),
    );
    const unchanged = await errorOf(
      s3.send(
        new GetObjectCommand({ Bucket: "stores", Key: "lists.json", IfNoneMatch: put.ETag! }),
      ),
    );
    expect(unchanged.status).toBe(304);
    const other = await s3.send(
      new GetObjectCommand({ Bucket: "stores", Key: "lists.json", IfNoneMatch: '"0000"' }),
    );
    expect(await other.Body!.transformToString()).toBe("{}");
    expect(
      (
        await errorOf(
          s3.send(new GetObjectCommand({ Bucket: "stores", Key: "lists.json", IfMatch: '"0000"' })),
        )
      ).status,
    ).toBe(412);
  });

  it("conditional writes and deletes on ETags (If-None-Match: *, If-Match), as S3 does them", async () => {
    const { s3 } = t.clients();
    const put = (Body: string, c: { IfMatch?: string; IfNoneMatch?: string } = {}) =>
      s3.send(new PutObjectCommand({ Bucket: "stores", Key: "lock.json", Body, ...c }));
    const first = await put("one", { IfNoneMatch: "*" });
    expect((await errorOf(put("two", { IfNoneMatch: "*" }))).status).toBe(412);
    const second = await put("two", { IfMatch: first.ETag! });
    expect(second.ETag).not.toBe(first.ETag);
    // The old ETag no longer matches: neither a write nor a delete conditional on it goes through.
    expect((await errorOf(put("three", { IfMatch: first.ETag! }))).name).toBe("PreconditionFailed");
    expect(
      (
        await errorOf(
          s3.send(
            new DeleteObjectCommand({ Bucket: "stores", Key: "lock.json", IfMatch: first.ETag! }),
          ),
        )
      ).status,
    ).toBe(412);
    expect(
      await (
        await s3.send(new GetObjectCommand({ Bucket: "stores", Key: "lock.json" }))
      ).Body!.transformToString(),
    ).toBe("two");
    await s3.send(
      new DeleteObjectCommand({ Bucket: "stores", Key: "lock.json", IfMatch: second.ETag! }),
    );
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: "stores", Key: "lock.json" })))).name,
    ).toBe("NoSuchKey");
    expect((await errorOf(put("four", { IfMatch: second.ETag! }))).name).toBe("NoSuchKey");
  });

  it("ExpectedBucketOwner: the emulator's own account passes, any other is refused; STS names the account", async () => {
    const { s3 } = t.clients();
    const { GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");
    const { Account } = await t.clients().sts.send(new GetCallerIdentityCommand({}));
    expect(Account).toMatch(/^\d{12}$/);
    await s3.send(new HeadBucketCommand({ Bucket: "stores", ExpectedBucketOwner: Account }));
    const other = await errorOf(
      s3.send(
        new PutObjectCommand({
          Bucket: "stores",
          Key: "x",
          Body: "x",
          ExpectedBucketOwner: "111122223333",
        }),
      ),
    );
    expect([other.name, other.status]).toEqual(["AccessDenied", 403]);
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: "stores", Key: "x" })))).name,
    ).toBe("NoSuchKey");
  });

  it("virtual-host style requests reach the bucket named in the Host header", async () => {
    const port = new URL(t.endpoint).port;
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/a/ts.pem",
          method: "GET",
          headers: { host: `stores.s3.localhost.localstack.cloud:${port}` },
        },
        (res) => {
          let data = "";
          res.on("data", (c) => (data += c));
          res.on("end", () => resolve(data));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(body).toBe("two!");
  });
});
