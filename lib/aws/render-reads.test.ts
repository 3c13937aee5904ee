/**
 * A page render's reads (render-reads.ts), in a page React's own server
 * renderer renders (a child process with the react-server condition, as
 * Next.js runs pages), against the emulator through the real SDK: a read
 * the render already made is answered again, a copy each, for five seconds
 * at most and each client's apart; sent afresh in an action, in freshReads,
 * after a write, after AWS refused it and once the render is over.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { bucketEmulator } from "../../test-support/suite-emulator";

const bucket = "render-reads";
const t = bucketEmulator(bucket);

describe("a page render's reads", () => {
  it("are sent once while the render is under way, a copy each; afresh in actions, after writes, refusals, five seconds, and the render", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "test-support/render-reads-page.tsx"],
      { env: { ...process.env, NODE_ENV: "production", ENDPOINT: t.endpoint, BUCKET: bucket } },
    );
    const { seen, rendered } = JSON.parse(stdout.trim().split("\n").pop()!) as {
      seen: Record<string, { answer: string[]; sent: number }>;
      rendered: boolean;
    };
    expect(rendered).toBe(true);
    expect(seen).toEqual({
      first: { answer: ["a"], sent: 1 },
      // The same read later in the render: no request, and not the first section's changes.
      again: { answer: ["a"], sent: 1 },
      "in an action": { answer: ["a"], sent: 2 },
      fresh: { answer: ["a"], sent: 3 },
      "after a write": { answer: ["a", "b"], sent: 4 },
      "again after the write": { answer: ["a", "b"], sent: 4 },
      // The same read of another client (another region or account) is its own.
      "another client": { answer: ["a", "b"], sent: 5 },
      refused: { answer: "refused: AccessDenied", sent: 6 },
      "after the refusal": { answer: ["a"], sent: 7 },
      "over five seconds later": { answer: ["a", "b"], sent: 8 },
      "after the render": { answer: ["a", "b"], sent: 9 },
    });
  });
});
