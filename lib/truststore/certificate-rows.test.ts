/**
 * The rows a page sends packed: unpacked they are the rows themselves, and
 * a thousand certificates of one CA name it once.
 */
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { checkTruststore } from "./check";
import { certificateRows, packRows, unpackRows } from "./certificate-rows";
import { bundle, largeBundle, tamperSignature } from "./test-support/fixtures";

describe("packed certificate rows", () => {
  it("unpack to exactly the rows, findings included, and name a shared issuer once", async () => {
    const issued = await largeBundle(200, { prefix: "Packed" });
    const report = await checkTruststore(bundle(...issued, tamperSignature(issued[5]!)));
    const rows = certificateRows(report);
    expect(rows.some((r) => r.findings.length > 0)).toBe(true);
    const packed = packRows(rows);
    expect(unpackRows(packed)).toEqual(rows);
    // The shared issuer once among the names; each name only as what differs from the one before.
    expect(packed.names).toHaveLength(new Set(rows.flatMap((r) => [r.subject, r.issuer])).size);
    expect(packed.names.slice(2).every((n) => n.length < 12)).toBe(true);
    const plain = JSON.stringify(rows).length;
    expect(JSON.stringify(packed).length).toBeLessThan(plain / 3);
  });

  it("names come back exactly whatever they share with the one before", () => {
    const names = [
      "CN=a.b.c, O=x",
      "",
      "CN=a.b.c, O=x",
      "1.2.3",
      "aa",
      "aaa",
      "a",
      "aba",
      "abba",
      "CN=Zürich CA 1, O=Ünï",
      "CN=Zürich CA 12, O=Ünï",
      "0.0.",
      // Characters outside the BMP: no entry may hold half of one (it would not survive UTF-8).
      "CN=😀 Root",
      "CN=😁 Root",
      "CN=😁😀",
      "😀",
      // And many made at random from a few characters (so that they share a lot).
      ...Array.from({ length: 500 }, () =>
        Array.from(
          { length: Math.floor(Math.random() * 8) },
          () => ["a", "b", ".", "1", " ", "é", "😀", "😁"][Math.floor(Math.random() * 8)],
        ).join(""),
      ),
    ];
    const rows = names.map((subject, index) => ({
      index,
      subject,
      issuer: names[0]!,
      notAfter: "2030-01-01T00:00:00.000Z",
      role: "CA" as const,
      findings: [],
    }));
    const packed = packRows(rows);
    expect(unpackRows(packed)).toEqual(rows);
    // Through UTF-8 (how a long entry travels in the page's payload), still exact.
    const viaUtf8 = packed.names.map((n) => Buffer.from(n, "utf8").toString("utf8"));
    expect(unpackRows({ ...packed, names: viaUtf8 })).toEqual(rows);
  });
});
