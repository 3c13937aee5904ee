/**
 * The README's backend table says what lib/aws/backend-support.ts says: the
 * facts the dashboard states and the end-to-end suites skip by.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BACKENDS, backendTable, FEATURES, gap, supports } from "./backend-support";

/** A markdown table's cells, whatever its column padding. */
const cells = (table: string) =>
  table
    .trim()
    .split("\n")
    .filter((line) => !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    );

describe("the backend table", () => {
  it("in the README is the one rendered from the facts (npm run backend-table rewrites it)", () => {
    const readme = readFileSync("README.md", "utf8");
    const match = /<!-- backend-table:start[^>]*-->([\s\S]*?)<!-- backend-table:end -->/.exec(
      readme,
    );
    expect(match, "README.md has the backend table's markers").not.toBeNull();
    expect(cells(match![1]!)).toEqual(cells(backendTable()));
  });

  it("gives every feature a reason wherever it is missing, and AWS everything a dashboard needs", () => {
    for (const [id, feature] of Object.entries(FEATURES)) {
      for (const backend of BACKENDS) {
        const s = feature.support[backend];
        if (typeof s === "string") expect(s.length, `${id} on ${backend}`).toBeGreaterThan(8);
      }
    }
    expect(supports("aws", "mtls-fields") && supports("aws", "update-domain-name")).toBe(true);
    expect(gap("moto", "mtls-fields")).toContain("drops mutualTlsAuthentication");
    expect(supports("localstack", "conditional-writes")).toBe(true); // unverified: its suite runs it
  });
});
