/**
 * Hostile input: the engine returns findings, never throws or hangs.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  judgeClientCertificate,
  checkTruststore,
  RULE_SEVERITY,
  type TruststoreReport,
} from "./index";
import { bundle, chain, issue, largeBundle, makeKeys, type Issued } from "./test-support/fixtures";

function expectWellFormed(report: TruststoreReport) {
  expect(["ok", "warnings", "error"]).toContain(report.verdict);
  for (const f of report.findings) {
    expect(RULE_SEVERITY[f.rule]).toBe(f.severity);
    expect(typeof f.message).toBe("string");
  }
  if (report.certificates.length === 0) expect(report.verdict).toBe("error");
}

describe("hostile input", () => {
  let good: Issued[];
  let goodPem: string;
  beforeAll(async () => {
    good = await chain(3, { prefix: "Fuzz", key: { rsa: 2048 } });
    goodPem = bundle(...good);
  });

  it("random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        expectWellFormed(await checkTruststore(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("random text, with and without PEM armour", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), fc.boolean(), async (text, armour) => {
        const input = armour
          ? `-----BEGIN CERTIFICATE-----\n${text}\n-----END CERTIFICATE-----\n`
          : text;
        expectWellFormed(await checkTruststore(input));
      }),
      { numRuns: 300 },
    );
  });

  it("truncated PEMs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: goodPem.length }), async (cut) => {
        const report = await checkTruststore(goodPem.slice(0, cut));
        expectWellFormed(report);
        // Truncation never invents certificates.
        expect(report.certificates.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 200 },
    );
  });

  it("mutated DER inside valid PEM armour (bit flips, byte edits, insertions, deletions)", async () => {
    const der = new Uint8Array(good[1]!.cert.rawData);
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant("flip" as const),
        at: fc.nat(der.length - 1),
        bit: fc.integer({ min: 0, max: 7 }),
      }),
      fc.record({
        kind: fc.constant("set" as const),
        at: fc.nat(der.length - 1),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({
        kind: fc.constant("insert" as const),
        at: fc.nat(der.length - 1),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(der.length - 1) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        let bytes = Array.from(der);
        for (const m of mutations) {
          const at = Math.min(m.at, bytes.length - 1);
          if (m.kind === "flip") bytes[at] = bytes[at]! ^ (1 << m.bit);
          else if (m.kind === "set") bytes[at] = m.value;
          else if (m.kind === "insert") bytes.splice(at, 0, m.value);
          else bytes.splice(at, 1);
        }
        bytes = bytes.length ? bytes : [0];
        const pem = `-----BEGIN CERTIFICATE-----\n${btoa(String.fromCharCode(...bytes))}\n-----END CERTIFICATE-----\n`;
        const report = await checkTruststore(bundle(good[0]!, pem));
        expectWellFormed(report);
        const client = await judgeClientCertificate(good[0]!.pem, pem);
        expect(typeof client.accepted).toBe("boolean");
      }),
      { numRuns: 400 },
    );
  });

  it("a 1 MB file and 1,000 distinct certificates are handled", async () => {
    const oneMb = new Uint8Array(1_000_000).fill(0x41);
    expectWellFormed(await checkTruststore(oneMb));
    const many = await largeBundle(1000);
    const report = await checkTruststore(bundle(...many));
    expectWellFormed(report);
    expect(report.certificates).toHaveLength(1000);
    expect(new Set(report.certificates.map((c) => c.fingerprintSha256)).size).toBe(1000);
    expect(report.verdict).toBe("ok");
    expect(report.certificates[999]!.path).toEqual([999, 0]);
  });

  it("1,000 certificates in two names that issue each other: chain building stays bounded", async () => {
    const [keysA, keysB] = await Promise.all([
      makeKeys({ ec: "P-256" }),
      makeKeys({ ec: "P-256" }),
    ]);
    const seedA = await issue({ subject: "CN=Loop A", keys: keysA, ca: true });
    const seedB = await issue({ subject: "CN=Loop B", keys: keysB, ca: true });
    // Every A is signed by B's key and every B by A's: each one verifies against all 500 of the other name.
    const loop = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        i % 2 === 0
          ? issue({ subject: "CN=Loop A", issuer: seedB, keys: keysA, ca: true })
          : issue({ subject: "CN=Loop B", issuer: seedA, keys: keysB, ca: true }),
      ),
    );
    const started = performance.now();
    const report = await checkTruststore(bundle(...loop));
    const elapsed = performance.now() - started;
    expectWellFormed(report);
    expect(report.certificates).toHaveLength(1000);
    // No root: no path is complete, and none loops.
    for (const cert of report.certificates) {
      expect(cert.pathComplete).toBe(false);
      expect(new Set(cert.path).size).toBe(cert.path.length);
    }
    // The issue's bound (the bench prints the figure): quadratic building took 4.5 s for 400 such certificates.
    expect(elapsed).toBeLessThan(1000);
  });

  it("deeply nested DER does not blow the stack", async () => {
    // 5,000 nested SEQUENCE headers with indefinite length.
    const nested = new Uint8Array(10_000);
    for (let i = 0; i < 5000; i++) nested.set([0x30, 0x80], i * 2);
    const pem = `-----BEGIN CERTIFICATE-----\n${btoa(String.fromCharCode(...nested))}\n-----END CERTIFICATE-----\n`;
    const report = await checkTruststore(pem);
    expect(report.findings.map((f) => f.rule)).toEqual(["x509-syntax"]);
  });
});
