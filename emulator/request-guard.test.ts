/**
 * The emulator against a web page's attacks on a developer's machine:
 * a cross-site POST (CSRF) and a request by a rebound DNS name are refused
 * before anything changes; its own callers go on working; its state file,
 * which holds private keys, is readable by its owner only.
 */
import { request } from "node:http";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAllDomains, startTestEmulator, type TestEmulator } from "../test-support/emulator";

let t: TestEmulator;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "guard-"));
  t = await startTestEmulator({ stateFile: join(dir, "state.json") });
});
afterAll(async () => {
  await t.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so the Host and Origin headers are exactly what an attacker's browser would send. */
function raw(path: string, headers: Record<string, string>, body = "{}"): Promise<number> {
  const { port } = new URL(t.endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const domains = async () => (await listAllDomains(t, "eu-west-3")).length;
const faults = async () =>
  Object.keys((await t.control<{ faults: object }>("faults")).faults).length;

describe("the emulator's request guard", () => {
  it("refuses a cross-site POST and a rebound host name, changing nothing", async () => {
    const { host } = new URL(t.endpoint);
    const before = await domains();
    const seed = JSON.stringify({ bulkDomains: 3, region: "eu-west-3" });
    expect(
      await raw(
        "/_emulator/seed",
        { host, origin: "http://evil.example", "content-type": "application/json" },
        seed,
      ),
    ).toBe(403);
    expect(
      await raw(
        "/_emulator/seed",
        { host: "evil.example", "content-type": "application/json" },
        seed,
      ),
    ).toBe(403);
    expect(await raw("/_emulator/faults", { host: "rebind.attacker.example:4566" })).toBe(403);
    expect(await domains()).toBe(before);
    expect(await faults()).toBe(0);
    // Its own callers: no Origin, or its own.
    expect(
      await raw(
        "/_emulator/faults",
        { host, origin: `http://${host}`, "content-type": "application/json" },
        JSON.stringify({ operation: "GetDomainNames", kind: "latency", latencyMs: 0 }),
      ),
    ).toBe(200);
  });

  it("writes its state file readable by its owner only", async () => {
    await t.control("seed", { bulkDomains: 1, region: "eu-west-3" });
    expect(statSync(join(dir, "state.json")).mode & 0o777).toBe(0o600);
  });
});
