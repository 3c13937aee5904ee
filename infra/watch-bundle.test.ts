/**
 * The watch target's program: the CLI bundled into one file runs with
 * plain `node` from a folder with no node_modules, as in the image.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { bundleWatch } from "./watch-bundle";

const run = promisify(execFile);
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

describe("the bundled watch CLI", () => {
  it("starts with nothing beside it and answers --help", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "mtls-watch-"));
    folders.push(folder);
    const file = path.join(folder, "watch.mjs");
    expect(await bundleWatch(file)).toBeGreaterThan(0);
    const { stdout } = await run(process.execPath, [file, "--help"], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? "", HOME: folder, NODE_ENV: "production" },
    });
    expect(stdout).toMatch(/^Usage: npm run --silent watch -- .*--sns-topic ARN/);
  });
});
