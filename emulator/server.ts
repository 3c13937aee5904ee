/**
 * The local AWS emulator: API Gateway, ACM and S3 on one port, recognised
 * the way AWS recognises them (the SigV4 credential scope, X-Amz-Target,
 * paths), plus control endpoints under /_emulator/ for tests and demos.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import * as acm from "./acm";
import * as apigateway from "./apigateway";
import * as s3 from "./s3";
import * as sts from "./sts";
import {
  AwsError,
  json,
  type Context,
  type EmulatorConfig,
  type EmulatorRequest,
  type Reply,
  type Route,
  type Service,
} from "./http";
import { loadState, saveState } from "./persistence";
import { seedDemo, seedBulkDomains } from "./seed";
import { DOMAIN_STATUSES, domainKey, emptyState, type EmulatorState } from "./state";

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Load the demo data at start (ignored when a --state file held a state). */
  seed?: boolean;
  stateFile?: string;
  compat?: EmulatorConfig["compat"];
  updatingMs?: number;
  issueDelayMs?: number;
  /** Where start-up messages go (default: nowhere). */
  log?: (message: string) => void;
}

export interface RunningEmulator {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
  /** The live state, for in-process callers (the dashboard's embedded mode). */
  readonly state: EmulatorState;
}

type FaultKind = "throttle" | "error500" | "error503" | "latency";
interface Fault {
  kind: FaultKind;
  remaining: number;
  latencyMs: number;
  retryAfterSeconds: number;
  /** Only requests whose path contains this (e.g. an S3 key prefix). */
  pathContains?: string;
}

const MAX_BODY = 16 * 1024 * 1024;

function serviceOf(req: IncomingMessage, rawPath: string): { service: Service; region: string } {
  const auth = req.headers.authorization ?? "";
  const url = new URL(req.url ?? "/", "http://localhost");
  const credential =
    /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth)?.slice(1) ??
    url.searchParams.get("X-Amz-Credential")?.split("/").slice(2, 4);
  const region = credential?.[0] ?? "us-east-1";
  const scope = credential?.[1];
  if (
    scope === "acm" ||
    String(req.headers["x-amz-target"] ?? "").startsWith("CertificateManager.")
  )
    return { service: "acm", region };
  if (scope === "apigateway") return { service: "apigateway", region };
  if (scope === "s3") return { service: "s3", region };
  if (scope === "sts") return { service: "sts", region };
  if (/^\/(domainnames|restapis)(\/|$)/.test(rawPath)) return { service: "apigateway", region };
  return { service: "s3", region };
}

/** `bucket.localhost:4566` or `bucket.s3.localhost.localstack.cloud:4566` → bucket. */
function virtualHostBucket(host: string | undefined): string | undefined {
  const hostname = (host ?? "").replace(/:\d+$/, "");
  if (
    !hostname ||
    /^[\d.]+$/.test(hostname) ||
    hostname.startsWith("[") ||
    hostname === "localhost"
  )
    return undefined;
  const s3Match = /^(.+?)\.s3[.-]/.exec(hostname);
  if (s3Match) return s3Match[1];
  const local = /^(.+)\.localhost$/.exec(hostname);
  return local?.[1];
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(
          new AwsError(
            413,
            "EntityTooLarge",
            "Your proposed upload exceeds the maximum allowed size",
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function errorReply(err: AwsError, service: Service, requestId: string): Reply {
  const headers: Record<string, string> = { ...(err.extra.headers ?? {}) };
  if (err.extra.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(err.extra.retryAfterSeconds);
  if (service === "s3")
    return s3.s3Error(
      new AwsError(err.status, err.code, err.message, { ...err.extra, headers }),
      requestId,
    );
  if (service === "sts") return sts.stsError(err, requestId, headers);
  if (service === "acm") {
    return json(
      err.status,
      { __type: err.code, message: err.message },
      { ...headers, "x-amzn-errortype": err.code, "content-type": "application/x-amz-json-1.1" },
    );
  }
  return json(err.status, { message: err.message }, { ...headers, "x-amzn-errortype": err.code });
}

function faultError(fault: Fault, service: Service, operation: string): AwsError {
  if (fault.kind === "throttle") {
    const code =
      service === "s3"
        ? "SlowDown"
        : service === "acm"
          ? "ThrottlingException"
          : "TooManyRequestsException";
    return new AwsError(
      service === "s3" ? 503 : 429,
      code,
      service === "s3" ? "Please reduce your request rate." : "Too Many Requests",
      { retryAfterSeconds: fault.retryAfterSeconds },
    );
  }
  if (fault.kind === "error503") {
    return new AwsError(
      503,
      service === "s3" ? "ServiceUnavailable" : "ServiceUnavailableException",
      `Service unavailable (injected fault on ${operation}).`,
      { retryAfterSeconds: fault.retryAfterSeconds },
    );
  }
  return new AwsError(
    500,
    service === "s3" ? "InternalError" : "InternalServerErrorException",
    `Internal server error (injected fault on ${operation}).`,
  );
}

const faultSchema = z.object({
  operation: z.string().min(1),
  kind: z.enum(["throttle", "error500", "error503", "latency"]),
  count: z.number().int().min(1).max(10_000).default(1),
  latencyMs: z.number().int().min(0).max(60_000).default(1000),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  pathContains: z.string().min(1).optional(),
});
const statusSchema = z.object({
  region: z.string().default("us-east-1"),
  status: z.enum(DOMAIN_STATUSES),
  message: z.string().optional(),
  /** For UPDATING: settle to AVAILABLE after this long (default: stay until changed). */
  settleAfterMs: z.number().int().min(0).optional(),
});
const clockSchema = z.union([
  z.object({ advanceSeconds: z.number() }),
  z.object({ now: z.string() }),
  z.object({ reset: z.literal(true) }),
]);
const configSchema = z.object({
  updatingMs: z.number().int().min(0).max(600_000).optional(),
  issueDelayMs: z.number().int().min(0).max(600_000).optional(),
  compat: z.enum(["aws", "localstack"]).optional(),
});
const seedSchema = z.object({
  bulkDomains: z.number().int().min(0).max(5000).optional(),
  region: z.string().optional(),
  reset: z.boolean().optional(),
});

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? (() => {});
  let state = emptyState();
  let loaded = false;
  if (options.stateFile) {
    const result = loadState(options.stateFile);
    state = result.state;
    loaded = result.loaded;
    log(result.message);
  }
  const config: EmulatorConfig = {
    updatingMs: options.updatingMs ?? 0,
    issueDelayMs: options.issueDelayMs ?? 0,
    compat: options.compat ?? "aws",
  };
  const ctx: Context = {
    get state() {
      return state;
    },
    config,
    now: () => Date.now() + state.clockOffsetMs,
  };
  const persist = () => {
    if (options.stateFile) saveState(options.stateFile, state);
  };
  if (options.seed && !loaded) {
    await seedDemo(ctx);
    persist();
  }

  const counts = new Map<string, number>();
  const faults = new Map<string, Fault[]>();

  async function control(path: string, method: string, body: Buffer): Promise<Reply> {
    const input = () => {
      if (body.length === 0) return {};
      try {
        return JSON.parse(body.toString("utf8")) as unknown;
      } catch {
        throw new AwsError(400, "BadRequest", "The body must be JSON.");
      }
    };
    const parse = <T>(schema: z.ZodType<T>): T => {
      const result = schema.safeParse(input());
      if (!result.success)
        throw new AwsError(
          400,
          "BadRequest",
          result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        );
      return result.data;
    };
    if (path === "/_emulator/health" && method === "GET") {
      return json(200, {
        status: "ok",
        compat: config.compat,
        updatingMs: config.updatingMs,
        issueDelayMs: config.issueDelayMs,
        now: new Date(ctx.now()).toISOString(),
      });
    }
    if (path === "/_emulator/reset" && method === "POST") {
      state = emptyState();
      counts.clear();
      faults.clear();
      persist();
      return json(200, { reset: true });
    }
    if (path === "/_emulator/seed" && method === "POST") {
      const args = parse(seedSchema);
      if (args.reset) state = emptyState();
      const summary =
        args.bulkDomains !== undefined
          ? await seedBulkDomains(ctx, args.bulkDomains, args.region ?? "us-east-1")
          : await seedDemo(ctx);
      persist();
      return json(200, summary);
    }
    if (path === "/_emulator/requests") {
      if (method === "GET")
        return json(200, { counts: Object.fromEntries([...counts.entries()].sort()) });
      if (method === "DELETE") {
        counts.clear();
        return json(200, { counts: {} });
      }
    }
    if (path === "/_emulator/faults") {
      if (method === "POST") {
        const f = parse(faultSchema);
        const list = faults.get(f.operation) ?? [];
        list.push({
          kind: f.kind,
          remaining: f.count,
          latencyMs: f.latencyMs,
          retryAfterSeconds: f.retryAfterSeconds,
          ...(f.pathContains ? { pathContains: f.pathContains } : {}),
        });
        faults.set(f.operation, list);
        return json(200, { operation: f.operation, kind: f.kind, count: f.count });
      }
      if (method === "GET") return json(200, { faults: Object.fromEntries(faults) });
      if (method === "DELETE") {
        faults.clear();
        return json(200, { faults: {} });
      }
    }
    if (path === "/_emulator/clock") {
      if (method === "GET")
        return json(200, {
          now: new Date(ctx.now()).toISOString(),
          offsetSeconds: state.clockOffsetMs / 1000,
        });
      if (method === "POST") {
        const c = parse(clockSchema);
        if ("advanceSeconds" in c) state.clockOffsetMs += c.advanceSeconds * 1000;
        else if ("now" in c) {
          const target = Date.parse(c.now);
          if (Number.isNaN(target))
            throw new AwsError(400, "BadRequest", "now must be an ISO-8601 time");
          state.clockOffsetMs = target - Date.now();
        } else state.clockOffsetMs = 0;
        persist();
        return json(200, {
          now: new Date(ctx.now()).toISOString(),
          offsetSeconds: state.clockOffsetMs / 1000,
        });
      }
    }
    if (path === "/_emulator/config" && method === "POST") {
      const c = parse(configSchema);
      if (c.updatingMs !== undefined) config.updatingMs = c.updatingMs;
      if (c.issueDelayMs !== undefined) config.issueDelayMs = c.issueDelayMs;
      if (c.compat !== undefined) config.compat = c.compat;
      return json(200, config);
    }
    const statusMatch = /^\/_emulator\/domains\/([^/]+)\/status$/.exec(path);
    if (statusMatch && method === "POST") {
      const s = parse(statusSchema);
      const name = decodeURIComponent(statusMatch[1]!);
      const domain = state.domains[domainKey(s.region, name)];
      if (!domain) throw new AwsError(404, "NotFound", `No domain ${name} in ${s.region}.`);
      domain.status = s.status;
      if (s.message) domain.statusMessage = s.message;
      else delete domain.statusMessage;
      if (s.status === "UPDATING" && s.settleAfterMs !== undefined)
        domain.updatingUntil = ctx.now() + s.settleAfterMs;
      else delete domain.updatingUntil;
      persist();
      return json(200, {
        domainName: name,
        status: domain.status,
        message: domain.statusMessage ?? null,
      });
    }
    throw new AwsError(404, "NotFound", `No control endpoint ${method} ${path}.`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
    const url = new URL(req.url ?? "/", "http://localhost");
    const requestId = crypto.randomUUID();
    const method = req.method ?? "GET";
    let service: Service = "apigateway";
    const send = (reply: Reply) => {
      const headers: Record<string, string> = {
        "x-amzn-requestid": requestId,
        "x-amz-request-id": requestId,
        ...(reply.headers ?? {}),
      };
      const body = method === "HEAD" ? undefined : reply.body;
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      else if (!headers["content-length"]) headers["content-length"] = "0";
      res.writeHead(reply.status, headers);
      res.end(body);
    };
    try {
      const body = await readBody(req);
      if (rawPath.startsWith("/_emulator/")) {
        send(await control(rawPath, method, body));
        return;
      }
      const detected = serviceOf(req, rawPath);
      service = detected.service;
      const request: EmulatorRequest = {
        method,
        rawPath,
        url,
        headers: req.headers,
        body,
        region: detected.region,
        service,
        requestId,
      };
      if (service === "s3") {
        const bucket = virtualHostBucket(req.headers.host);
        if (bucket) request.virtualHostBucket = bucket;
      }
      const routers = {
        acm: acm.route,
        apigateway: apigateway.route,
        s3: s3.route,
        sts: sts.route,
      };
      const route: Route | null = routers[service](request);
      if (!route) {
        throw service === "s3"
          ? new AwsError(
              405,
              "MethodNotAllowed",
              "The specified method is not allowed against this resource.",
            )
          : new AwsError(
              404,
              service === "acm" ? "UnknownOperationException" : "NotFoundException",
              `No ${service} operation for ${method} ${rawPath}.`,
            );
      }
      counts.set(route.operation, (counts.get(route.operation) ?? 0) + 1);
      const pending = faults.get(route.operation);
      const fault = pending?.find(
        (f) =>
          f.remaining > 0 &&
          (!f.pathContains || decodeURIComponent(rawPath).includes(f.pathContains)),
      );
      if (fault) {
        fault.remaining--;
        if (pending!.every((f) => f.remaining === 0)) faults.delete(route.operation);
        if (fault.kind === "latency")
          await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
        else throw faultError(fault, service, route.operation);
      }
      // Handlers validate everything before they change the state, so a
      // failed call changes nothing; a successful change is persisted.
      const reply = await route.run(ctx);
      if (route.mutates) persist();
      send(reply);
    } catch (error) {
      if (error instanceof AwsError) {
        send(errorReply(error, service, requestId));
      } else {
        log(`Internal error: ${(error as Error).stack ?? String(error)}`);
        send(
          errorReply(
            new AwsError(
              500,
              service === "s3" ? "InternalError" : "InternalServerErrorException",
              "The emulator failed to handle this request.",
            ),
            service,
            requestId,
          ),
        );
      }
    }
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4566, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    endpoint,
    port,
    get state() {
      return state;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
