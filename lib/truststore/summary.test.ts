/**
 * A version's summary counts findings at any moment exactly as a full check
 * at that moment does.
 */
import { describe, expect, it } from "vitest";
import { bundle, chain, issue } from "./test-support/fixtures";
import { checkTruststore, summarize, summaryCountsAt } from "./index";

const DAY = 86_400_000;

describe("truststore summaries", () => {
  it("give the counts, verdict and earliest expiry of a full check, at every moment", async () => {
    const pki = await chain(3, { prefix: "Sum" });
    const soon = await issue({ subject: "CN=Sum Soon Root", validDays: [-10, 20] });
    const later = await issue({ subject: "CN=Sum Later Root", validDays: [40, 400] });
    const weak = await issue({ subject: "CN=Sum SHA1 Root", hash: "SHA-1" });
    const pem = bundle(pki[0]!, pki[1]!, soon, later, weak, soon);
    const t0 = new Date();
    const summary = summarize(await checkTruststore(pem, { at: t0 }));
    expect(JSON.stringify(summary).length).toBeLessThan(2_000);
    for (const days of [0, 5, 15, 25, 45, 500, 4000]) {
      const at = new Date(t0.getTime() + days * DAY);
      const full = await checkTruststore(pem, { at });
      const count = (s: string) => full.findings.filter((f) => f.severity === s).length;
      const fromSummary = summaryCountsAt(summary, at);
      expect(fromSummary.counts, `+${days} days`).toEqual({
        error: count("error"),
        warning: count("warning"),
        info: count("info"),
      });
      expect(fromSummary.verdict, `+${days} days`).toBe(full.verdict);
    }
    expect(summaryCountsAt(summary, t0).earliestExpiry).toBe(soon.cert.notAfter.toISOString());
    expect(summary.certificateCount).toBe(6);
    expect(summary.caFingerprints.length).toBeGreaterThanOrEqual(4);
  });
});
