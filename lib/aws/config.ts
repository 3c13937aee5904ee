import "server-only";
/**
 * Which AWS the dashboard talks to, and its SDK clients (built in
 * ./clients.ts): region, endpoint (AWS_ENDPOINT_URL and the per-service
 * variants), path-style S3 when an endpoint is set, the standard credential
 * chain, standard retries (every call bounded by ./deadline.ts).
 *
 * Embedded default: when no AWS configuration is present at all (no
 * profile, keys, endpoint or config file), the app starts the local
 * emulator in-process with demo data. MTLS_CONSOLE_BACKEND=aws or
 * =embedded overrides the detection.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { AwsFailure } from "./errors";
import { isKnownRegion } from "./regions";
import {
  createClients,
  type AwsClients,
  type Backend,
  type BackendKind,
  type ServiceName,
} from "./clients";

export {
  createClients,
  type AwsClients,
  type Backend,
  type BackendKind,
  type ServiceName,
} from "./clients";

const SERVICE_ENV: Record<ServiceName, string> = {
  apigateway: "AWS_ENDPOINT_URL_API_GATEWAY",
  apigatewayv2: "AWS_ENDPOINT_URL_APIGATEWAYV2",
  acm: "AWS_ENDPOINT_URL_ACM",
  s3: "AWS_ENDPOINT_URL_S3",
  sts: "AWS_ENDPOINT_URL_STS",
  logs: "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
  sns: "AWS_ENDPOINT_URL_SNS",
};

type Env = Record<string, string | undefined>;

/** Is anything configured that points the SDK at some AWS (real or local)? */
export function hasAwsConfiguration(
  env: Env = process.env,
  fileExists: (path: string) => boolean = existsSync,
): boolean {
  const keys = [
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_ACCESS_KEY_ID",
    "AWS_ENDPOINT_URL",
    ...Object.values(SERVICE_ENV),
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  ];
  if (keys.some((k) => env[k])) return true;
  const home = env.HOME ?? homedir();
  const files = [
    env.AWS_CONFIG_FILE ?? join(home, ".aws", "config"),
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, ".aws", "credentials"),
  ];
  return files.some((f) => fileExists(f));
}

export function resolveBackendKind(
  env: Env = process.env,
  fileExists?: (path: string) => boolean,
): BackendKind {
  const forced = env.MTLS_CONSOLE_BACKEND;
  if (forced === "embedded") return "embedded";
  if (forced === "aws") return env.AWS_ENDPOINT_URL ? "endpoint" : "aws";
  if (forced) throw new Error(`MTLS_CONSOLE_BACKEND is "embedded" or "aws", not "${forced}".`);
  if (!hasAwsConfiguration(env, fileExists)) return "embedded";
  return env.AWS_ENDPOINT_URL ? "endpoint" : "aws";
}

function serviceEndpoints(env: Env): Partial<Record<ServiceName, string>> {
  const out: Partial<Record<ServiceName, string>> = {};
  for (const [service, key] of Object.entries(SERVICE_ENV) as [ServiceName, string][])
    if (env[key]) out[service] = env[key];
  return out;
}

interface EmbeddedHandle {
  endpoint: string;
  /** The embedded emulator's live compat mode (tests switch it at run time). */
  compat(): "aws" | "localstack";
  dataPlanePort: number | null;
}
const globalForEmbedded = globalThis as unknown as {
  __mtlsConsoleEmbedded?: Promise<EmbeddedHandle>;
};

/** Starts the in-process emulator once per server process (it survives dev-mode reloads). */
function startEmbedded(env: Env): Promise<EmbeddedHandle> {
  globalForEmbedded.__mtlsConsoleEmbedded ??= (async () => {
    await import("reflect-metadata");
    const { startEmulator } = await import("../../emulator/server");
    const options = {
      seed: true,
      updatingMs: 2_000,
      issueDelayMs: 5_000,
      dataPort: Number(env.EMULATOR_DATA_PORT ?? 4443),
      stateFile: env.EMULATOR_STATE || undefined,
      log: (m: string) => console.log(`[emulator] ${m}`),
    };
    const preferred = Number(env.EMULATOR_PORT ?? 4566);
    try {
      return await startEmulator({ ...options, port: preferred });
    } catch {
      return await startEmulator({ ...options, port: 0 });
    }
  })().then((emulator) => {
    console.log(
      `[emulator] No AWS configuration found: embedded AWS emulator with demo data on ${emulator.endpoint}`,
    );
    return {
      endpoint: emulator.endpoint,
      compat: () => emulator.config.compat,
      dataPlanePort: emulator.dataPlanePort,
    };
  });
  return globalForEmbedded.__mtlsConsoleEmbedded;
}

let cachedBackend: Promise<Backend> | undefined;

export function getBackend(env: Env = process.env): Promise<Backend> {
  cachedBackend ??= (async (): Promise<Backend> => {
    const kind = resolveBackendKind(env);
    const defaultRegion = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
    if (kind === "embedded") {
      const { endpoint, compat, dataPlanePort } = await startEmbedded(env);
      return {
        kind,
        endpoint,
        liveCompat: compat,
        ...(dataPlanePort ? { dataPlanePort } : {}),
        serviceEndpoints: {},
        defaultRegion,
        staticCredentials: { accessKeyId: "test", secretAccessKey: "test" },
      };
    }
    const backend: Backend = { kind, serviceEndpoints: serviceEndpoints(env), defaultRegion };
    if (env.AWS_ENDPOINT_URL) backend.endpoint = env.AWS_ENDPOINT_URL;
    return backend;
  })();
  cachedBackend.catch(() => {
    cachedBackend = undefined;
  });
  return cachedBackend;
}

const clientCache = new Map<string, AwsClients>();

/**
 * The clients for `region` (default: the backend's region), built once.
 * Only known regions (./regions.ts) get clients: the cache stays bounded.
 */
export async function getClients(region?: string): Promise<AwsClients> {
  const backend = await getBackend();
  const r = region ?? backend.defaultRegion;
  if (r !== backend.defaultRegion && !isKnownRegion(r))
    throw new AwsFailure(
      `${String(r).slice(0, 40)} is not an AWS region this dashboard knows.`,
      "UnknownRegion",
    );
  let clients = clientCache.get(r);
  if (!clients) clientCache.set(r, (clients = createClients(backend, r)));
  return clients;
}
