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
    expect(packed.names.filter((n) => n === rows[1]!.issuer)).toHaveLength(1);
    const plain = JSON.stringify(rows).length;
    expect(JSON.stringify(packed).length).toBeLessThan(plain / 2);
  });
});
