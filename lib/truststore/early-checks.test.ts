import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bundle, issue, largeBundle, makeKeys, tamperSignature } from "../pki/generate";
import { MAX_ISSUER_CANDIDATES } from "./chains";
import { checkTruststore, loadBundle, validateBundle } from "./check";

afterEach(() => vi.restoreAllMocks());

/** Counts the signature checks Node's crypto is asked for (the same module the engine finds). */
const countChecks = () => vi.spyOn(crypto, "verify");

describe("signature checks started while a bundle decodes", () => {
  for (const order of ["root first", "root last"] as const) {
    it(`are all asked for by the time it is loaded (${order}), and chain building asks for none`, async () => {
      const certs = await largeBundle(40, { prefix: `Early ${order}` });
      const pem = bundle(...(order === "root first" ? certs : [...certs].reverse()));
      const verify = countChecks();
      const loaded = await loadBundle(pem);
      // One per certificate: the root against itself, each partner against the root.
      expect(verify.mock.calls.length).toBe(40);
      const report = await validateBundle(loaded, new Date(), 30);
      expect(verify.mock.calls.length).toBe(40);
      expect(report.verdict).toBe("ok");
      expect(report.certificates.every((c) => c.pathComplete)).toBe(true);
    });
  }

  it("skip duplicates, and a few certificates are checked on this thread", async () => {
    const root = await issue({ subject: "CN=Early Dup Root" });
    const child = await issue({ subject: "CN=Early Dup Child", issuer: root });
    const verify = countChecks();
    const report = await checkTruststore(bundle(child, root, child, root));
    expect(verify.mock.calls.length).toBe(2);
    // No callback: checked at once (waking libuv's threads costs more than two checks).
    expect(verify.mock.calls.every((call) => typeof call[4] !== "function")).toBe(true);
    expect(report.findings.map((f) => f.rule).sort()).toEqual(["duplicate", "duplicate"]);
  });

  it("send many checks to libuv's threads, and none when the caller says so", async () => {
    const pem = bundle(...(await largeBundle(40, { prefix: "Early Threads" })));
    let verify = countChecks();
    await loadBundle(pem);
    expect(verify.mock.calls.filter((call) => typeof call[4] === "function")).toHaveLength(40);
    vi.restoreAllMocks();
    verify = countChecks();
    await validateBundle(await loadBundle(pem, { threads: false }), new Date(), 30);
    expect(verify.mock.calls.filter((call) => typeof call[4] !== "function")).toHaveLength(40);
  });

  for (const key of [{ rsa: 2048 }, { ec: "P-256" }] as const) {
    it(`give the same findings on libuv's threads as on this thread (${"rsa" in key ? "RSA" : "EC"}, a tampered signature among 40)`, async () => {
      const certs = await largeBundle(40, {
        key,
        prefix: `Early Same ${"rsa" in key ? "RSA" : "EC"}`,
      });
      const pems = certs.map((c) => c.pem);
      pems[7] = tamperSignature(certs[7]!);
      // The tampered one first: its issuer comes after it.
      const pem = bundle(pems[7]!, ...pems.filter((_, i) => i !== 7));
      const verify = countChecks();
      const threaded = await validateBundle(await loadBundle(pem), new Date(), 30);
      expect(verify.mock.calls.filter((call) => typeof call[4] === "function").length).toBe(40);
      const here = await validateBundle(await loadBundle(pem, { threads: false }), new Date(), 30);
      expect(threaded.findings).toEqual(here.findings);
      expect(threaded.findings.map((f) => [f.rule, f.certificate])).toEqual([["signature", 0]]);
      expect(threaded.certificates.map((c) => c.path)).toEqual(
        here.certificates.map((c) => c.path),
      );
    });
  }

  it("stay bounded on a hostile bundle of many same-named issuers and give chain building's verdicts", async () => {
    // 40 CAs named alike with different keys, then children of that name, some before them.
    const keys = await makeKeys({ ec: "P-256" }, "early-hostile-child");
    const cas = await Promise.all(
      Array.from({ length: 40 }, () => issue({ subject: "CN=Early Same Name" })),
    );
    const real = cas[39]!;
    const children = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        issue({ subject: `CN=Early Child ${i}`, issuer: real, keys }),
      ),
    );
    const pem = bundle(...children.slice(0, 3), ...cas, ...children.slice(3));
    const verify = countChecks();
    const report = await checkTruststore(pem);
    // Each CA against itself, each child against at most MAX_ISSUER_CANDIDATES keys (early or later).
    const bound = cas.length + children.length * (MAX_ISSUER_CANDIDATES + 1);
    expect(verify.mock.calls.length).toBeLessThanOrEqual(bound);
    // Chain building puts the issuer whose key id matches first, whatever the file order:
    // every child chains to the real CA (the 40th of its name), as it would without early checks.
    const realIndex = 3 + 39;
    for (const i of [0, 1, 2, 43, 44, 45]) {
      expect(report.certificates[i]!.subject).toMatch(/Early Child/);
      expect(report.certificates[i]!.path).toEqual([i, realIndex]);
      expect(report.certificates[i]!.pathComplete).toBe(true);
    }
    expect(report.findings.filter((f) => f.rule === "signature")).toEqual([]);
  });
});
