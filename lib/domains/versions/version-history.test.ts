/**
 * The version history without downloading versions: a version another tool
 * wrote is summarised once, ever; afterwards (another process included) the
 * history is built from the stored summary, with the counts a full check
 * gives now.
 */
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { bundle, chain, issue } from "../../pki/generate";
import { checkTruststore } from "../../truststore";
import { versionedBucket } from "../../../test-support/seed";

const location = { bucket: "history", key: "team/ts.pem" };
const pems: string[] = [];
const ids: string[] = [];

const t = suiteEmulator({ AUDIT_BUCKET: "history-audit" });

beforeAll(async () => {
  const { s3 } = t.clients();
  await s3.send(new CreateBucketCommand({ Bucket: "history-audit" }));
  await versionedBucket(t.clients(), "history");
  const pki = await chain(3, { prefix: "Hist" });
  const weak = await issue({ subject: "CN=Hist SHA1 Root", hash: "SHA-1" });
  const soon = await issue({ subject: "CN=Hist Soon Root", validDays: [-5, 10] });
  pems.push(bundle(pki[0]!, pki[1]!), bundle(pki[0]!, pki[1]!, weak), bundle(pki[0]!, soon));
  // Written by "another tool": the SDK directly, no console metadata, no summary.
  for (const Body of pems)
    ids.push(
      (await s3.send(new PutObjectCommand({ Bucket: "history", Key: "team/ts.pem", Body })))
        .VersionId!,
    );
});

describe("version history from summaries", () => {
  it("summarises a version once; a restarted server builds the history without reading the versions", async () => {
    const first = await (
      await import("./version-history")
    ).versionHistory(location, ids[0], "us-east-1");
    // The next process: fresh modules, and every read of the truststore object now fails.
    vi.resetModules();
    await t.control("faults", {
      operation: "GetObject",
      kind: "error500",
      count: 1000,
      pathContains: "history/team/ts.pem",
    });
    try {
      const again = await (
        await import("./version-history")
      ).versionHistory(location, ids[0], "us-east-1");
      expect(again.versions).toEqual(first.versions);
    } finally {
      await t.control("faults", undefined, "DELETE");
    }
    const at = new Date();
    for (const [i, id] of ids.entries()) {
      const row = first.versions.find((v) => v.versionId === id)!;
      const full = await checkTruststore(pems[i]!, { at });
      const count = (s: string) => full.findings.filter((f) => f.severity === s).length;
      expect([row.certificateCount, row.verdict, row.counts, row.analysed]).toEqual([
        full.certificates.length,
        full.verdict,
        { error: count("error"), warning: count("warning"), info: count("info") },
        true,
      ]);
      expect(row.isActive).toBe(i === 0);
    }
  });

  it("does not keep the page waiting for versions seen for the first time: they are summarised behind it", async () => {
    const { s3 } = t.clients();
    const slow = { bucket: "history", key: "slow/ts.pem" };
    const slowIds: string[] = [];
    for (const Body of pems)
      slowIds.push(
        (await s3.send(new PutObjectCommand({ Bucket: "history", Key: slow.key, Body })))
          .VersionId!,
      );
    // Reading these objects is slow this time (the active one is read first, into the cache, before the fault).
    const { checkVersion } = await import("./truststores");
    await checkVersion(slow, slowIds[2], "us-east-1");
    await t.control("faults", {
      operation: "GetObject",
      kind: "latency",
      latencyMs: 2500,
      count: 2,
      pathContains: "history/slow/ts.pem",
    });
    const { versionHistory } = await import("./version-history");
    const started = Date.now();
    const first = await versionHistory(slow, slowIds[2], "us-east-1");
    expect(Date.now() - started).toBeLessThan(2_400);
    const state = (id: string, h: typeof first) => {
      const row = h.versions.find((v) => v.versionId === id)!;
      return row.analysed ? "analysed" : row.summarising ? "summarising" : "none";
    };
    expect(state(slowIds[2]!, first)).toBe("analysed");
    expect([state(slowIds[0]!, first), state(slowIds[1]!, first)]).toContain("summarising");
    await expect
      .poll(
        async () =>
          (await versionHistory(slow, slowIds[2], "us-east-1")).versions.every((v) => v.analysed),
        { timeout: 15_000 },
      )
      .toBe(true);
  });
});
