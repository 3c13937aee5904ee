/**
 * Change locks against the emulator's S3 (conditional put and delete on
 * ETags) through the real SDK: never held twice, never released by a
 * former holder, and a change that outlives its lease stops before AWS.
 */
import { GetObjectCommand, CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import type { DomainError } from "../shared/errors";
import * as locks from "./locks";
import { CALL_DEADLINE_MS } from "../../aws/deadline";
import { breakLock, readLockView } from "./change-state";

const BUCKET = "locks-audit";
const lockObject = async (domain: string) =>
  JSON.parse(
    await (
      await t.clients().s3.send(
        new GetObjectCommand({
          Bucket: BUCKET,
          Key: `mtls-console/${locks.lockKey(domain, "us-east-1")}`,
        }),
      )
    ).Body!.transformToString(),
  ) as {
    owner: string;
  };

const t = suiteEmulator({ AUDIT_BUCKET: BUCKET });

beforeAll(async () => {
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

async function expiredLock(domain: string, owner: string) {
  const past = Date.now() - 60_000;
  await t.clients().s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: `mtls-console/${locks.lockKey(domain, "us-east-1")}`,
      Body: JSON.stringify({
        owner,
        at: new Date(past - 1000).toISOString(),
        expiresAt: new Date(past).toISOString(),
        nonce: "old",
      }),
    }),
  );
}

describe("change locks", () => {
  it("one holder at a time: the second is told who holds it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = locks.withDomainLock("a.test.example", "us-east-1", "ann", () => held);
    await new Promise((r) => setTimeout(r, 50));
    const second = await locks
      .withDomainLock("a.test.example", "us-east-1", "ben", async () => "ran")
      .catch((e: DomainError) => e);
    expect((second as DomainError).code).toBe("conflict");
    expect((second as DomainError).message).toContain("ann is changing a.test.example");
    release();
    await first;
    expect(
      await locks.withDomainLock("a.test.example", "us-east-1", "ben", async () => "ran"),
    ).toBe("ran");
  });

  it("two instances race for an expired lock: exactly one wins", async () => {
    for (let round = 0; round < 5; round++) {
      const domain = `race${round}.test.example`;
      await expiredLock(domain, "crashed");
      const started: string[] = [];
      const outcomes = await Promise.allSettled(
        ["x", "y", "z"].map((who) =>
          locks.withDomainLock(domain, "us-east-1", who, async () => {
            started.push(who);
            await new Promise((r) => setTimeout(r, 100));
          }),
        ),
      );
      expect(started).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    }
  });

  it("a former holder's release does not remove the new holder's lock", async () => {
    const domain = "release.test.example";
    let takeOver!: Promise<unknown>;
    let release!: () => void;
    const newHolderDone = new Promise<void>((resolve) => (release = resolve));
    await locks.withDomainLock(
      domain,
      "us-east-1",
      "slow",
      async () => {
        // While "slow" works, its lease runs out and "fast" takes the lock over.
        await new Promise((r) => setTimeout(r, 150));
        takeOver = locks.withDomainLock(domain, "us-east-1", "fast", () => newHolderDone);
        await new Promise((r) => setTimeout(r, 100));
      },
      { leaseMs: 100 },
    );
    // "slow" has released (conditionally): "fast" still holds the lock.
    expect((await lockObject(domain)).owner).toBe("fast");
    release();
    await takeOver;
  });

  it("a change that outlives its lease is refused before its final AWS call", async () => {
    let patched = false;
    const error = await locks
      .withDomainLock(
        "lease.test.example",
        "us-east-1",
        "dawdler",
        async (lease) => {
          await new Promise((r) => setTimeout(r, 150));
          await lease.confirm();
          patched = true;
        },
        { leaseMs: 100 },
      )
      .catch((e: DomainError) => e);
    expect((error as DomainError).code).toBe("lock-lost");
    expect(patched).toBe(false);
    // Within its lease, confirm() renews it.
    expect(
      await locks.withDomainLock(
        "lease.test.example",
        "us-east-1",
        "quick",
        async (lease) => (await lease.confirm(), "patched"),
      ),
    ).toBe("patched");
  });

  it("the lease outlives the slowest change the SDK allows", async () => {
    // Between taking or renewing the lock and the next renewal, a change makes at most 6 AWS calls, each ending by its deadline.
    expect(locks.LOCK_LEASE_MS).toBeGreaterThan(6 * CALL_DEADLINE_MS);
  });

  it("a lock whose release failed is known gone and can be broken; a later lock on the same key is not", async () => {
    const domain = "release-failed.test.example";
    await t.control("faults", {
      operation: "DeleteObject",
      kind: "error500",
      count: 9,
      pathContains: `locks/us-east-1/${domain}`,
    });
    expect(await locks.withDomainLock(domain, "us-east-1", "ann", async () => "done")).toBe("done");
    const left = await readLockView(domain, "us-east-1");
    expect(left).toMatchObject({ owner: "ann", gone: "release-failed", breakable: true });
    await breakLock({ domainName: domain, region: "us-east-1", nonce: left!.nonce });
    expect(await readLockView(domain, "us-east-1")).toBeNull();

    let release!: () => void;
    const held = locks.withDomainLock(
      domain,
      "us-east-1",
      "ben",
      () => new Promise<void>((r) => (release = r)),
    );
    await new Promise((r) => setTimeout(r, 100));
    const busy = await readLockView(domain, "us-east-1");
    expect(busy).toMatchObject({ owner: "ben", gone: null, breakable: false });
    const refused = await breakLock({
      domainName: domain,
      region: "us-east-1",
      nonce: busy!.nonce,
    }).catch((e: DomainError) => e);
    expect((refused as DomainError).code).toBe("conflict");
    release();
    await held;
  });

  it("where the store cannot delete conditionally (HTTP 501), the lock is expired in place and the next change takes it", async () => {
    const domain = "no-conditional-delete.test.example";
    await t.control("faults", {
      operation: "DeleteObject",
      kind: "notImplemented",
      count: 99,
      pathContains: `locks/us-east-1/${domain}`,
    });
    try {
      expect(await locks.withDomainLock(domain, "us-east-1", "ann", async () => "done")).toBe(
        "done",
      );
      const left = (await lockObject(domain)) as { owner: string; releasedAt?: string };
      expect(left.owner).toBe("ann");
      expect(left.releasedAt).toBeTruthy();
      expect(await readLockView(domain, "us-east-1")).toBeNull();
      expect(await locks.withDomainLock(domain, "us-east-1", "ben", async () => "next")).toBe(
        "next",
      );
      expect(((await lockObject(domain)) as { owner: string }).owner).toBe("ben");
    } finally {
      await t.control("faults", undefined, "DELETE");
    }
  });
});
