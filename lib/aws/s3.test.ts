/**
 * Truststore reads against the emulator's S3 through the real SDK: an
 * object too big (or of a type no truststore has) is refused from a HEAD
 * alone, never downloaded, and the refusal is kept.
 */
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../test-support/suite-emulator";
import * as s3 from "./s3";
import { versionedBucket } from "../../test-support/seed";

const counts = async () => (await t.control<{ counts: Record<string, number> }>("requests")).counts;

const t = suiteEmulator();

beforeAll(async () => {
  await versionedBucket(t.clients(), "big");
});

describe("truststore reads", () => {
  it("a 15 MB object is refused with its size from one HEAD, never downloaded, and the refusal kept", async () => {
    const { VersionId } = await t.clients().s3.send(
      new PutObjectCommand({
        Bucket: "big",
        Key: "huge.pem",
        Body: Buffer.alloc(15_000_000, 65),
      }),
    );
    await t.control("requests", undefined, "DELETE");
    const location = { bucket: "big", key: "huge.pem" };
    for (let i = 0; i < 3; i++)
      await expect(s3.getObjectVersion(location, VersionId, "us-east-1")).rejects.toThrow(
        "15,000,000 bytes; a truststore is at most 1,000,000",
      );
    const seen = await counts();
    expect(seen.HeadObject).toBe(1);
    expect(seen.GetObject ?? 0).toBe(0);
  });

  it("a JSON file is refused by its type; a PEM of the right size is read", async () => {
    const json = await t.clients().s3.send(
      new PutObjectCommand({
        Bucket: "big",
        Key: "config.json",
        Body: '{"secret":"x"}',
        ContentType: "application/json",
      }),
    );
    await expect(
      s3.getObjectVersion({ bucket: "big", key: "config.json" }, json.VersionId, "us-east-1"),
    ).rejects.toThrow("application/json, not a truststore");
    const pem = await t
      .clients()
      .s3.send(
        new PutObjectCommand({ Bucket: "big", Key: "ok.pem", Body: "-----BEGIN CERTIFICATE-----" }),
      );
    const read = await s3.getObjectVersion(
      { bucket: "big", key: "ok.pem" },
      pem.VersionId,
      "us-east-1",
    );
    expect(new TextDecoder().decode(read.body)).toContain("BEGIN CERTIFICATE");
  });

  it("every truststore call names the owning account: a bucket of another account is refused by S3", async () => {
    const location = { bucket: "big", key: "owned.pem" };
    expect(Array.isArray(await s3.listObjectVersions(location, "us-east-1"))).toBe(true);
    process.env.TRUSTSTORE_BUCKET_OWNER = "111122223333";
    try {
      const refused = await s3.listObjectVersions(location, "us-east-1").catch((e: unknown) => e);
      expect(refused).toMatchObject({ name: "AwsFailure", status: 403 });
      const write = await s3
        .putTruststoreObject(
          location,
          new TextEncoder().encode("x"),
          { uploadedBy: "ann", sha256: "0".repeat(64), certificateCount: 1 },
          "us-east-1",
        )
        .catch((e: unknown) => e);
      expect(write).toMatchObject({ status: 403 });
    } finally {
      delete process.env.TRUSTSTORE_BUCKET_OWNER;
    }
    // Nothing was written to the bucket of "another account".
    expect(await s3.listObjectVersions(location, "us-east-1")).toEqual([]);
  });
});
