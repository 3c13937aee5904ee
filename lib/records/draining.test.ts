import { describe, expect, it } from "vitest";
import { drainChanges, isDraining, trackChange } from "./draining";

describe("a graceful stop", () => {
  it("waits for the changes under way, then says how many were left past the grace", async () => {
    let finish!: () => void;
    const slow = trackChange(new Promise<void>((r) => (finish = r)));
    const stuck = trackChange(new Promise<void>(() => undefined));
    const failing = trackChange(Promise.reject(new Error("refused")));
    await failing.catch(() => undefined);
    expect(isDraining()).toBe(false);
    const drained = drainChanges(200);
    expect(isDraining()).toBe(true);
    finish();
    await slow;
    // The stuck one outlives the grace: one left (in doubt), the other finished.
    expect(await drained).toEqual({ waitedFor: 2, left: 1 });
    void stuck;
  });
});
