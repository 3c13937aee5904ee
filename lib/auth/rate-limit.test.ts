/**
 * Sign-in throttling against the emulator's S3 through the real SDK: a
 * sliding window per name from an address and per address that bursts
 * cannot beat and old failures do not fill, and slowdowns (never refusals)
 * for a name from everywhere and for everyone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../test-support/suite-emulator";
import type { SignInLimits } from "./config";
import * as limit from "./rate-limit";
import * as store from "../records/store";
import { CreateBucketCommand } from "@aws-sdk/client-s3";

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
  if (verdict.allowed) await limit.signInFailed(limits, now);
  return verdict;
}

const t = suiteEmulator({ AUDIT_BUCKET: "throttle-audit" });

beforeAll(async () => {
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "throttle-audit" }));
});

describe("sign-in throttling", () => {
  it("five failures lock the name from that address, before any password is verified; the user elsewhere is slowed, not refused", async () => {
    for (let i = 0; i < 5; i++) expect((await wrongPassword("eve", "10.0.0.1")).allowed).toBe(true);
    const sixth = await limit.beginSignInAttempt("eve", "10.0.0.1", LIMITS);
    expect(sixth).toMatchObject({ allowed: false, scope: "name" });
    expect(sixth.allowed ? 0 : sixth.minutes).toBeGreaterThanOrEqual(14);
    expect((await limit.beginSignInAttempt("EVE", "10.0.0.1", LIMITS)).allowed).toBe(false);
    // The real eve, from her own address: let in to try her password, a little slower.
    const elsewhere = await limit.beginSignInAttempt("eve", "10.9.9.9", LIMITS);
    expect(elsewhere).toMatchObject({ allowed: true, slowedBy: "anyAddress" });
    expect((await limit.beginSignInAttempt("adam", "10.0.0.4", LIMITS)).allowed).toBe(true);
  });

  it("50 parallel attempts on one name from one address get no more than the limit verified", async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 50 }, () => wrongPassword("burst", "10.1.0.1")),
    );
    const verified = verdicts.filter((v) => v.allowed).length;
    expect(verified).toBeLessThanOrEqual(5);
    expect((await limit.beginSignInAttempt("burst", "10.1.0.1", LIMITS)).allowed).toBe(
      verified < 5,
    );
  });

  it("300 failures outside the window do not count, and do not hide 5 new ones", async () => {
    const now = Date.now();
    const old = now - 2 * 60 * 60_000;
    const prefix = limit.attemptPrefixes("old-timer", "10.2.0.2").name;
    for (let i = 0; i < 300; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          store.putJson(`${prefix}${String(old + i + k).padStart(13, "0")}-x${i + k}.json`, {}),
        ),
      );
    }
    expect((await limit.beginSignInAttempt("old-timer", "10.2.0.2", LIMITS, now)).allowed).toBe(
      true,
    );
    for (let i = 0; i < 4; i++) await wrongPassword("old-timer", "10.2.0.2", LIMITS, now + i);
    expect(
      (await limit.beginSignInAttempt("old-timer", "10.2.0.2", LIMITS, now + 10)).allowed,
    ).toBe(false);
  });

  it("old attempts are removed from every prefix as failures come in", async () => {
    const then = Date.now() - 2 * LIMITS.windowMs;
    await wrongPassword("forgotten", "10.4.0.1", LIMITS, then);
    const prefixes = Object.values(limit.attemptPrefixes("forgotten", "10.4.0.1")).slice(0, 3);
    for (const p of prefixes) expect(await store.listKeys(p, 10)).toHaveLength(1);
    await wrongPassword("someone-else", "10.4.0.2");
    for (const p of prefixes) expect(await store.listKeys(p, 10)).toHaveLength(0);
  });

  it("one address spraying many names is refused by the per-address limit", async () => {
    const limits = { ...LIMITS, perAddress: 8, global: 1000 };
    const results = [];
    for (let i = 0; i < 10; i++)
      results.push(await wrongPassword(`spray-${i}`, "203.0.113.9", limits));
    expect(results.filter((r) => r.allowed)).toHaveLength(8);
    expect(results.at(-1)).toMatchObject({ allowed: false, scope: "address" });
  });

  it("strangers' failures past the global ceiling slow a sign-in, never refuse it", async () => {
    const ceiling = { ...LIMITS, perAddress: 1000, global: 3 };
    // Random names from random addresses, as a spray with forged addresses sends them.
    for (let i = 0; i < 8; i++)
      await wrongPassword(`stranger-${i}-${Date.now()}`, `198.51.100.${i}`, ceiling);
    const operator = await limit.beginSignInAttempt("otto", "192.0.2.10", ceiling);
    expect(operator).toMatchObject({ allowed: true, slowedBy: "global" });
    expect(operator.allowed && operator.delayMs).toBeLessThanOrEqual(limit.MAX_DELAY_MS);
    expect(operator.allowed && operator.delayMs).toBeGreaterThan(0);
  });

  it("a right password does not count as a failure", async () => {
    for (let i = 0; i < 10; i++) {
      const verdict = await limit.beginSignInAttempt("good-user", "10.3.0.1", LIMITS);
      expect(verdict.allowed).toBe(true);
      if (verdict.allowed) await limit.signInSucceeded(verdict.attempt);
    }
  });
});
