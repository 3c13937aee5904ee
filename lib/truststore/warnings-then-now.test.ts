import { describe, expect, it } from "vitest";
import { bundle, issue } from "../pki/generate";
import { checkTruststore } from "./check";
import { warningsThenAndNow } from "./warnings-then-now";

describe("API Gateway's warnings at the last update beside the findings now", () => {
  it("sorts them into still, gone and new since", async () => {
    const fine = await issue({ subject: "CN=Fine Root" });
    const lapsed = await issue({ subject: "CN=Lapsed Root", validDays: [-400, -1] });
    const weak = await issue({ subject: "CN=Weak Root", hash: "SHA-1" });
    const report = await checkTruststore(bundle(fine, lapsed, weak));
    const result = warningsThenAndNow(
      [
        'Certificate "CN=Weak Root" is signed with SHA-1.',
        "CN=Fine Root is not yet valid.",
        "CN=Gone Root is not in this file.",
      ],
      report,
    );
    expect(result.still).toEqual([
      { warning: 'Certificate "CN=Weak Root" is signed with SHA-1.', certificate: 2 },
    ]);
    expect(result.gone).toEqual([
      { warning: "CN=Fine Root is not yet valid.", certificate: 0 },
      { warning: "CN=Gone Root is not in this file." },
    ]);
    // The CA that lapsed after the update: no warning ever named it.
    expect(result.since.map((f) => [f.certificate, f.rule])).toEqual([[1, "expired"]]);
  });

  it("with no warnings, every problem now is new since", async () => {
    const lapsed = await issue({ subject: "CN=Lapsed Only", validDays: [-400, -1] });
    const report = await checkTruststore(bundle(lapsed));
    const result = warningsThenAndNow([], report);
    expect(result.still).toEqual([]);
    expect(result.gone).toEqual([]);
    expect(result.since.length).toBeGreaterThan(0);
    expect(result.since.every((f) => f.certificate === 0)).toBe(true);
  });
});
