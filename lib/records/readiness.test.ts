/**
 * `/api/ready`'s judgement against the emulator through the real SDK: not
 * ready while the store's bucket is missing or STS fails (naming the part),
 * ready once both work; checked at most every 15 s.
 */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { suiteEmulator } from "../../test-support/suite-emulator";
import { forgetReadiness, readiness } from "./readiness";

const t = suiteEmulator({ AUDIT_BUCKET: "ready-audit", MTLS_CONSOLE_BACKEND: "aws" });

describe("readiness", () => {
  it("names the missing store, then is ready, then names a failing STS; one check per 15 s", async () => {
    forgetReadiness();
    const missing = await readiness();
    expect(missing).toMatchObject({
      ready: false,
      failing: "store-reachable",
      checks: {
        "aws-identity": true,
        "store-reachable": false,
        "store-writable": false,
        "account-roles": false,
      },
    });

    await t.clients().s3.send(new CreateBucketCommand({ Bucket: "ready-audit" }));
    forgetReadiness();
    await t.control("requests", undefined, "DELETE");
    const ready = await readiness();
    expect(ready).toEqual(
      expect.objectContaining({
        ready: true,
        checks: {
          "aws-identity": true,
          "store-reachable": true,
          "store-writable": true,
          "account-roles": true,
        },
      }),
    );
    // The probe record was written, read back and removed.
    const { counts } = await t.control<{ counts: Record<string, number> }>("requests");
    expect([counts.PutObject, counts.GetObject, counts.DeleteObject]).toEqual([1, 1, 1]);
    // Asked again within 15 s: the same answer, no AWS call.
    await t.control("requests", undefined, "DELETE");
    expect(await readiness()).toBe(ready);
    expect((await t.control<{ counts: Record<string, number> }>("requests")).counts).toEqual({});
    // Checked again later: the store is reached, but its probe is written at most every 5 minutes.
    expect(await readiness(Date.now() + 16_000)).toMatchObject({ ready: true });
    const later = (await t.control<{ counts: Record<string, number> }>("requests")).counts;
    expect(later.GetCallerIdentity).toBe(1);
    expect(later.PutObject).toBeUndefined();

    await t.control("faults", { operation: "GetCallerIdentity", kind: "error500", count: 10 });
    try {
      forgetReadiness();
      expect(await readiness()).toMatchObject({ ready: false, failing: "aws-identity" });
    } finally {
      await t.control("faults", undefined, "DELETE");
    }
  });
});
