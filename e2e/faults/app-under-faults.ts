/**
 * For fault tests: an emulator started by the test, a holding proxy in
 * front of it, and the production app (`npm start`'s standalone server, one process, so that
 * `kill -9` kills the server itself) talking to AWS through the proxy.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { startHoldingProxy, type HoldingProxy } from "../../test-support/holding-proxy";
import { endpointAppEnv } from "../endpoint-env";
import { waitForOk } from "../../test-support/wait-for-ok";

export const LEASE_MS = 8_000;
const STORE = "mtls-console-audit";

export interface FaultWorld {
  t: TestEmulator;
  proxy: HoldingProxy;
  baseURL: string;
  start(): Promise<void>;
  kill9(): Promise<void>;
  /** SIGTERM, as ECS stops a task: resolves with the exit code once the server has exited. */
  sigterm(): Promise<number | null>;
  /** The store's keys under a prefix (relative to the console's prefix), read straight from the emulator. */
  storeKeys(prefix: string): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * The standalone server the build wrote, on 127.0.0.1:`port` in its own
 * process, as `npm start` runs it (the app, not Next.js, handles SIGTERM).
 */
export function spawnProductionApp(
  port: number,
  env: Record<string, string>,
  /** "pipe" to read what the server logs. */
  stdio: "ignore" | "pipe" = "ignore",
): ChildProcess {
  return spawn(
    process.execPath,
    ["scripts/start.mjs", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      env: { ...process.env, ...env, NEXT_MANUAL_SIG_HANDLE: "true" },
      stdio,
    },
  );
}

export async function faultWorld(port: number): Promise<FaultWorld> {
  const t = await startTestEmulator();
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: STORE }));
  const proxy = await startHoldingProxy(t.endpoint);
  const baseURL = `http://127.0.0.1:${port}`;
  let app: ChildProcess | undefined;
  const world: FaultWorld = {
    t,
    proxy,
    baseURL,
    async start() {
      app = spawnProductionApp(port, {
        ...endpointAppEnv(proxy.url),
        AUTH_MODE: "none",
        MTLS_CONSOLE_LOCK_LEASE_MS: String(LEASE_MS),
      });
      await waitForOk(`${baseURL}/api/health`, 60_000, "the app");
    },
    async kill9() {
      const exited = new Promise((r) => app?.once("exit", r));
      app?.kill("SIGKILL");
      await exited;
      app = undefined;
    },
    async sigterm() {
      const exited = new Promise<number | null>((r) => app?.once("exit", (code) => r(code)));
      app?.kill("SIGTERM");
      const code = await exited;
      app = undefined;
      return code;
    },
    async storeKeys(prefix) {
      const listed = await t
        .clients()
        .s3.send(new ListObjectsV2Command({ Bucket: STORE, Prefix: `mtls-console/${prefix}` }));
      return (listed.Contents ?? []).map((c) => c.Key!);
    },
    async stop() {
      app?.kill("SIGKILL");
      await proxy.close();
      await t.stop();
    },
  };
  return world;
}
