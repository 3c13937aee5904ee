/**
 * The start-up store check against the emulator through the real SDK: a
 * missing bucket is tried again until the wait runs out (false: the server
 * stops), a bucket created meanwhile is found (true); wrong settings throw.
 */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { suiteEmulator } from "../../test-support/suite-emulator";
import { awaitUsableStore, checkStoreSettings, storeWaitMs } from "./store-at-start";

const t = suiteEmulator({ AUDIT_BUCKET: "start-audit", MTLS_CONSOLE_BACKEND: "aws" });

describe("the store at start", () => {
  it("gives up on a missing bucket when the wait ends, and finds one created meanwhile", async () => {
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    // No wait: one try, refused.
    expect(await awaitUsableStore(0, sleep)).toBe(false);
    expect(sleeps).toEqual([]);

    // The bucket appears while the check waits (its second sleep): the third try finds it.
    let slept = 0;
    const creating = async (ms: number) => {
      sleeps.push(ms);
      if (++slept === 2)
        await t.clients().s3.send(new CreateBucketCommand({ Bucket: "start-audit" }));
    };
    expect(await awaitUsableStore(60_000, creating)).toBe(true);
    expect(sleeps).toEqual([5000, 5000]);
  });

  it("throws at once on settings that cannot work", () => {
    const saved = { ...process.env };
    try {
      process.env.AUDIT_BUCKET_OWNER = "not-an-account";
      expect(() => checkStoreSettings()).toThrow(/AUDIT_BUCKET_OWNER must be a 12-digit/);
      delete process.env.AUDIT_BUCKET_OWNER;
      process.env.MTLS_CONSOLE_ACCOUNTS = '{"accounts": []}';
      expect(() => checkStoreSettings()).toThrow(/MTLS_CONSOLE_ACCOUNTS at accounts/);
      process.env.MTLS_CONSOLE_ACCOUNTS = "/nonexistent/accounts.json";
      expect(() => checkStoreSettings()).toThrow(/cannot be read \(ENOENT\)/);
    } finally {
      process.env = saved;
    }
  });

  it("reads its wait strictly: a wrong value is the default, never a busy loop", () => {
    expect(storeWaitMs({})).toBe(60_000);
    expect(storeWaitMs({ MTLS_CONSOLE_STORE_WAIT_MS: "" })).toBe(60_000);
    expect(storeWaitMs({ MTLS_CONSOLE_STORE_WAIT_MS: "60s" })).toBe(60_000);
    expect(storeWaitMs({ MTLS_CONSOLE_STORE_WAIT_MS: "-5" })).toBe(60_000);
    expect(storeWaitMs({ MTLS_CONSOLE_STORE_WAIT_MS: "3000" })).toBe(3000);
    expect(storeWaitMs({ MTLS_CONSOLE_STORE_WAIT_MS: "0" })).toBe(0);
  });
});
