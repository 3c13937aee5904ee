/**
 * The parsed-truststore cache is bounded by bytes, least recently used out
 * first, against the emulator's S3 through the real SDK.
 */
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { bundle, largeBundle } from "../../pki/generate";
import * as truststores from "./truststores";
import { versionedBucket } from "../../../test-support/seed";

const versionIds: string[] = [];
let size = 0;

// 2.4 MB of estimated memory (40 × the source): room for two of the ~25 KB versions below, not three.
const t = suiteEmulator({ TRUSTSTORE_CACHE_MB: "2.4" });

beforeAll(async () => {
  const { s3 } = t.clients();
  await versionedBucket(t.clients(), "cache");
  const certs = await largeBundle(40);
  for (let i = 0; i < 4; i++) {
    const body = bundle(...certs.slice(i, 36 + i));
    size = Buffer.byteLength(body);
    versionIds.push(
      (await s3.send(new PutObjectCommand({ Bucket: "cache", Key: "ts.pem", Body: body })))
        .VersionId!,
    );
  }
});

describe("parsed truststore cache", () => {
  it("holds no more bytes than its bound, dropping the least recently used version first", async () => {
    const estimate = size * truststores.PARSED_SIZE_FACTOR;
    expect(estimate * 2).toBeLessThan(truststores.truststoreCacheBytes());
    expect(estimate * 3).toBeGreaterThan(truststores.truststoreCacheBytes());
    const location = { bucket: "cache", key: "ts.pem" };
    await t.control("requests", undefined, "DELETE");
    for (const id of versionIds) await truststores.checkVersion(location, id, "us-east-1");
    expect(truststores.truststoreCacheUsage().bytes).toBeLessThanOrEqual(
      truststores.truststoreCacheBytes(),
    );
    expect(truststores.truststoreCacheUsage().entries).toBe(2);
    const reads = async () =>
      (await t.control<{ counts: Record<string, number> }>("requests")).counts.GetObject ?? 0;
    expect(await reads()).toBe(4);
    // The two newest are cached; the oldest was evicted and is read again.
    await truststores.checkVersion(location, versionIds[3]!, "us-east-1");
    await truststores.checkVersion(location, versionIds[2]!, "us-east-1");
    expect(await reads()).toBe(4);
    await truststores.checkVersion(location, versionIds[0]!, "us-east-1");
    expect(await reads()).toBe(5);
  });
});
