import "server-only";
/**
 * Which AWS the dashboard talks to, and its SDK clients (built in
 * ./clients.ts): region, endpoint (AWS_ENDPOINT_URL and the per-service
 * variants), path-style S3 when an endpoint is set, the standard credential
 * chain, standard retries (every call bounded by ./deadline.ts).
 *
 * Embedded default: when no AWS configuration is present at all (no
 * profile, keys, endpoint or config file), the local emulator runs
 * in-process with demo data (started by instrumentation.ts through
 * emulator/embedded.ts; this layer never imports the emulator). MTLS_CONSOLE_BACKEND=aws or
 * =embedded overrides the detection.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { AwsFailure } from "./errors";
import { parsePlace } from "../model/place";
import { currentAccess } from "./access-scope";
import { fleetAccount, fleetAccounts } from "./accounts";
import { roleCredentials } from "./assumed-roles";
import { accountHasRegion, firstFleetPlace, isKnownRegion, knownRegions } from "./regions";
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
  account: "AWS_ENDPOINT_URL_ACCOUNT",
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

/** The embedded emulator, as the SDK sees it (started by emulator/embedded.ts). */
export interface EmbeddedBackend {
  endpoint: string;
  /** The embedded emulator's live compat mode (tests switch it at run time). */
  compat(): "aws" | "localstack";
  dataPlanePort: number | null;
}
const globalForEmbedded = globalThis as unknown as {
  __mtlsConsoleEmbedded?: Promise<EmbeddedBackend>;
  __mtlsConsoleEmbeddedStart?: () => Promise<EmbeddedBackend>;
};

/** Starts it (again, after a failed start: the next request tries once more). */
function startEmbeddedBackend(start: () => Promise<EmbeddedBackend>): Promise<EmbeddedBackend> {
  const started = start();
  globalForEmbedded.__mtlsConsoleEmbedded = started;
  started.catch((error: Error) => {
    console.error(`[emulator] the embedded emulator did not start: ${error.message}`);
    if (globalForEmbedded.__mtlsConsoleEmbedded === started)
      delete globalForEmbedded.__mtlsConsoleEmbedded;
  });
  return started;
}

/**
 * Hands over the embedded emulator, once per server process (it survives
 * dev-mode reloads). Called from above this layer, where the emulator is
 * started: instrumentation.ts for the app, the CLIs for themselves.
 */
export function provideEmbeddedBackend(start: () => Promise<EmbeddedBackend>): void {
  if (globalForEmbedded.__mtlsConsoleEmbeddedStart) return;
  globalForEmbedded.__mtlsConsoleEmbeddedStart = start;
  void startEmbeddedBackend(start);
}

function embeddedBackend(): Promise<EmbeddedBackend> {
  const started = globalForEmbedded.__mtlsConsoleEmbedded;
  if (started) return started;
  const start = globalForEmbedded.__mtlsConsoleEmbeddedStart;
  if (!start)
    throw new Error(
      "No AWS configuration was found and the embedded emulator was not started in this process.",
    );
  return startEmbeddedBackend(start);
}

let cachedBackend: Promise<Backend> | undefined;

export function getBackend(env: Env = process.env): Promise<Backend> {
  cachedBackend ??= (async (): Promise<Backend> => {
    const kind = resolveBackendKind(env);
    const defaultRegion = envRegion(env);
    if (kind === "embedded") {
      const { endpoint, compat, dataPlanePort } = await embeddedBackend();
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

/**
 * The region a request means, resolved once where it enters (the action
 * wrapper, the page views, the CLIs) and passed on as a required value: the
 * one asked for when the dashboard knows it, else the backend's default.
 */
export async function resolveRegion(asked?: unknown): Promise<string> {
  if (isKnownRegion(asked)) return asked;
  const { defaultRegion } = await getBackend();
  return firstFleetPlace(defaultRegion) ?? defaultRegion;
}

/**
 * The place a CLI's --region names: with one account, that region or the
 * environment's; in a fleet, ACCOUNT:REGION of a listed account, never
 * guessed (a bare region would act with the console's own credentials).
 */
export function commandPlace(asked: string | undefined, env: Env = process.env): string {
  const value = asked?.trim();
  if (!fleetAccounts()) return value || envRegion(env);
  if (value && isKnownRegion(value)) return value;
  throw new Error(
    `With MTLS_CONSOLE_ACCOUNTS, --region names an account's place, ACCOUNT:REGION (such as ${firstFleetPlace(envRegion(env))})${value ? `, not "${value}"` : ""}.`,
  );
}

/** The region the environment names (AWS_REGION, AWS_DEFAULT_REGION), else us-east-1. */
export function envRegion(env: Env = process.env): string {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
}

const clientCache = new Map<string, AwsClients>();

/**
 * The clients for a place (resolved by resolveRegion), built once. A plain
 * region is the console's own account (its store, its identity; every
 * domain when it manages one account); ACCOUNT:REGION is a fleet account,
 * through its viewer role, or its operator role inside a change
 * (./access-scope.ts). Only known regions and listed accounts get clients:
 * the cache stays bounded.
 */
export async function getClients(place: string): Promise<AwsClients> {
  const backend = await getBackend();
  const parsed = parsePlace(place);
  const unknown = () =>
    new AwsFailure(
      `${String(place).slice(0, 40)} is not an AWS region this dashboard knows.`,
      "UnknownRegion",
    );
  if (!parsed) throw unknown();
  const { region, account: accountId } = parsed;
  if (!accountId) {
    if (region !== backend.defaultRegion && !knownRegions().has(region)) throw unknown();
    let clients = clientCache.get(region);
    if (!clients) clientCache.set(region, (clients = createClients(backend, region)));
    return clients;
  }
  const account = fleetAccount(accountId);
  if (!account || !accountHasRegion(account, region)) throw unknown();
  const access = currentAccess();
  const key = `${place}|${access}`;
  let clients = clientCache.get(key);
  if (!clients) {
    const credentials = roleCredentials(backend, account, access);
    clientCache.set(key, (clients = createClients(backend, region, { credentials })));
  }
  return clients;
}
