/**
 * moto_server (moto 5.2 with Flask), a real AWS backend nobody here wrote,
 * for tests: found on PATH or at MOTO_SERVER, started on a free port.
 * Where it is missing: a notice outside CI, a failure in CI.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { endpointClients, type AwsClients } from "./clients";
import { waitForOk } from "./wait-for-ok";

/** The moto_server command, or undefined when there is none. */
export function motoServerCommand(env = process.env): string | undefined {
  if (env.MOTO_SERVER) return env.MOTO_SERVER;
  const found = spawnSync("sh", ["-c", "command -v moto_server"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

export const MOTO_MISSING =
  'moto_server is not installed (pip install "moto[server]"), or set MOTO_SERVER to its path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForMoto(endpoint: string, timeoutMs = 30_000): Promise<void> {
  await waitForOk(`${endpoint}/moto-api/`, timeoutMs, `moto_server at ${endpoint}`);
}

export interface RunningMoto {
  endpoint: string;
  stop(): Promise<void>;
}

/** A fresh moto_server on a free port (null when it is not installed). */
export async function startMoto(port?: number): Promise<RunningMoto | null> {
  const command = motoServerCommand();
  if (!command) return null;
  const p = port ?? (await freePort());
  const child: ChildProcess = spawn(command, ["-H", "127.0.0.1", "-p", String(p)], {
    stdio: "ignore",
  });
  const endpoint = `http://127.0.0.1:${p}`;
  await waitForMoto(endpoint);
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The project's SDK clients pointed at a moto_server (any region; test credentials). */
export const motoClients = (moto: RunningMoto, region = "us-east-1"): AwsClients =>
  endpointClients(moto.endpoint, region);
