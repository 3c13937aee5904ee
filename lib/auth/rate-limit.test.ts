/**
 * Sign-in throttling against the emulator's S3 through the real SDK: a
 * sliding window per name, per address and overall, that bursts cannot
 * beat and old failures do not fill.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointSdkAt, startTestEmulator, type TestEmulator } from "../../emulator/test-support";
import type { SignInLimits } from "./config";

let t: TestEmulator;
let undoEnv: () => void;
let limit: typeof import("./rate-limit");
let store: typeof import("./store");
const LIMITS: SignInLimits = {
  perName: 5,
  perAddress: 20,
  global: 200,
  windowMs: 15 * 60_000,
  trustedProxyHops: 0,
};

/** One wrong-password attempt as the sign-in does it: begin, then count the failure. */
async function wrongPassword(name: string, address: string, limits = LIMITS, now = Date.now()) {
  const verdict = await limit.beginSignInAttempt(name, address, limits, now);
  if (verdict.allowed) await limit.signInFailed(name, address, limits, now);
  return verdict;
}

beforeAll(async () => {
  t = await startTestEmulator();
  undoEnv = pointSdkAt(t, { AUDIT_BUCKET: "throttle-audit" });
  const { CreateBucketCommand } = await import("@aws-sdk/client-s3");
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "throttle-audit" }));
  limit = await import("./rate-limit");
  store = await import("./store");
});
afterAll(async () => {
  undoEnv();
  await t.stop();
});

describe("sign-in throttling", () => {
  it("five failures lock the name, before any password is verified; other names are not affected", async () => {
    for (let i = 0; i < 5; i++) expect((await wrongPassword("eve", "10.0.0.1")).allowed).toBe(true);
    const sixth = await limit.beginSignInAttempt("eve", "10.0.0.2", LIMITS);
    expect(sixth).toMatchObject({ allowed: false, scope: "name" });
    expect(sixth.allowed ? 0 : sixth.minutes).toBeGreaterThanOrEqual(14);
    expect((await limit.beginSignInAttempt("EVE", "10.0.0.3", LIMITS)).allowed).toBe(false);
    expect((await limit.beginSignInAttempt("adam", "10.0.0.4", LIMITS)).allowed).toBe(true);
  });

  it("50 parallel attempts on one name get no more than the limit verified", async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => wrongPassword("burst", `10.1.0.${i}`)),
    );
    const verified = verdicts.filter((v) => v.allowed).length;
    expect(verified).toBeLessThanOrEqual(5);
    expect((await limit.beginSignInAttempt("burst", "10.1.1.1", LIMITS)).allowed).toBe(
      verified < 5,
    );
  });

  it("300 failures outside the window do not count, and do not hide 5 new ones", async () => {
    const now = Date.now();
    const old = now - 2 * 60 * 60_000;
    const hash = await nameHash("old-timer");
    for (let i = 0; i < 300; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          store.putJson(
            `signin-attempts/name/${hash}/${String(old + i + k).padStart(13, "0")}-x${i + k}.json`,
            {},
          ),
        ),
      );
    }
    expect((await limit.beginSignInAttempt("old-timer", "10.2.0.1", LIMITS, now)).allowed).toBe(
      true,
    );
    for (let i = 0; i < 5; i++) await wrongPassword("old-timer", "10.2.0.2", LIMITS, now + i);
    expect(
      (await limit.beginSignInAttempt("old-timer", "10.2.0.3", LIMITS, now + 10)).allowed,
    ).toBe(false);
    // Failures clean up what aged out of the window as they come.
    const left = await store.listKeys(`signin-attempts/name/${hash}/`, 1000);
    expect(left.length).toBeLessThan(300);
  });

  it("one address spraying many names is locked by the per-address limit; everyone pauses at the global ceiling", async () => {
    const limits = { ...LIMITS, perAddress: 8, global: 1000 };
    const results = [];
    for (let i = 0; i < 10; i++)
      results.push(await wrongPassword(`spray-${i}`, "203.0.113.9", limits));
    expect(results.filter((r) => r.allowed)).toHaveLength(8);
    expect(results.at(-1)).toMatchObject({ allowed: false, scope: "address" });
    const ceiling = { ...LIMITS, perAddress: 1000, global: 3 };
    // The global count already holds many earlier failures: the ceiling stops new names from new addresses.
    expect(await limit.beginSignInAttempt("fresh-name", "198.51.100.1", ceiling)).toMatchObject({
      allowed: false,
      scope: "global",
    });
  });

  it("a right password does not count as a failure", async () => {
    for (let i = 0; i < 10; i++) {
      const verdict = await limit.beginSignInAttempt("good-user", "10.3.0.1", LIMITS);
      expect(verdict.allowed).toBe(true);
      if (verdict.allowed) await limit.signInSucceeded(verdict.attempt);
    }
  });
});

async function nameHash(name: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(name.toLowerCase()).digest("hex").slice(0, 32);
}
