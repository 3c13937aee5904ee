/**
 * For tests: an emulator on a free port, the project's own SDK clients
 * pointed at it, a caller for its control endpoints, and the project's AWS
 * configuration pointed at it through the environment.
 */
import "reflect-metadata";
import { GetDomainNamesCommand } from "@aws-sdk/client-api-gateway";
import { endpointClients, type AwsClients, type ClientOptions } from "./clients";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../emulator/server";

export interface TestEmulator {
  emulator: RunningEmulator;
  endpoint: string;
  clients(region?: string, options?: ClientOptions): AwsClients;
  control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  const endpoint = emulator.endpoint;
  return {
    emulator,
    endpoint,
    clients: (region, clientOptions) => endpointClients(endpoint, region, clientOptions),
    control: <T>(path: string, body?: unknown, method?: string) =>
      emulatorControl<T>(endpoint, path, body, method),
    stop: () => emulator.stop(),
  };
}

/** Calls an emulator control endpoint (/_emulator/PATH): GET without a body, POST with one. */
export async function emulatorControl<T = unknown>(
  endpoint: string,
  path: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
): Promise<T> {
  const res = await fetch(`${endpoint}/_emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Points the project's own AWS configuration (lib/aws/config.ts) at a test
 * emulator through the environment, as a deployment would; returns the undo.
 */
export function pointSdkAt(t: TestEmulator, extra: Record<string, string> = {}): () => void {
  const env = {
    AWS_ENDPOINT_URL: t.endpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    ...extra,
  };
  Object.assign(process.env, env);
  return () => {
    for (const key of Object.keys(env)) delete process.env[key];
  };
}

/** Every domain name of a region, through the SDK's paging (limit 500). */
export async function listAllDomains(t: TestEmulator, region = "us-east-1") {
  const { apiGateway } = t.clients(region);
  const out = [];
  let position: string | undefined;
  do {
    const page = await apiGateway.send(new GetDomainNamesCommand({ limit: 500, position }));
    out.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return out;
}

/** The emulator's count of requests by operation since the last reset. */
export async function requestCounts(t: TestEmulator): Promise<Record<string, number>> {
  return (await t.control<{ counts: Record<string, number> }>("requests")).counts;
}

export async function resetRequestCounts(t: TestEmulator): Promise<void> {
  await t.control("requests", undefined, "DELETE");
}

/** The counted operations that change something (a page view should send none). */
export const writesOf = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(counts).filter(([op]) =>
      /^(Put|Delete|Create|Update|Copy|Post|Import|Tag)/.test(op),
    ),
  );

/** Waits until nothing reaches the emulator for 2 s (work behind a page, such as summaries, is done). */
export async function awaitQuiet(t: TestEmulator, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await resetRequestCounts(t);
    await new Promise((r) => setTimeout(r, 2000));
    if (Object.keys(await requestCounts(t)).length === 0) return;
    if (Date.now() > until) throw new Error(`the emulator was still busy after ${timeoutMs} ms`);
  }
}
