import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bundle, issue, largeBundle } from "../pki/generate";
import { loadBundle, validateBundle } from "./check";

afterEach(() => vi.restoreAllMocks());

describe("a loaded bundle checked again (a kept version, each page view)", () => {
  it("verifies its signatures once; expiry is judged at each time asked", async () => {
    const certs = await largeBundle(40, { prefix: "Kept" });
    // Counts the signature checks Node's crypto is asked for (the same module the engine finds).
    const verify = vi.spyOn(crypto, "verify");
    const loaded = await loadBundle(bundle(...certs));
    const now = await validateBundle(loaded, new Date(), 30);
    const first = verify.mock.calls.length;
    expect(first).toBeGreaterThanOrEqual(40);

    const later = new Date(Date.now() + 2 * 365 * 86_400_000);
    const then = await validateBundle(loaded, later, 30);
    expect(verify.mock.calls.length).toBe(first);
    expect(now.verdict).toBe("ok");
    expect(then.findings.filter((f) => f.rule === "expired")).toHaveLength(40);
    // The same chains either way, and each report its own (changing one changes nothing kept).
    expect(then.certificates.map((c) => c.path)).toEqual(now.certificates.map((c) => c.path));
    now.certificates[1]!.path.push(99);
    const again = await validateBundle(loaded, new Date(), 30);
    expect(again.certificates[1]!.path).toEqual(then.certificates[1]!.path);
  });

  it("a bundle loaded anew is verified anew, and a bad signature stays found", async () => {
    const root = await issue({ subject: "CN=Kept Root" });
    const other = await issue({ subject: "CN=Kept Root" });
    const child = await issue({ subject: "CN=Kept Child", issuer: other });
    const pem = bundle(root, child);
    const verify = vi.spyOn(crypto, "verify");
    const a = await validateBundle(await loadBundle(pem), new Date(), 30);
    const once = verify.mock.calls.length;
    const b = await validateBundle(await loadBundle(pem), new Date(), 30);
    expect(verify.mock.calls.length).toBeGreaterThan(once);
    for (const report of [a, b]) expect(report.findings.map((f) => f.rule)).toContain("signature");
  });
});
