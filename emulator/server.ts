/**
 * The local AWS emulator: API Gateway, ACM, S3, STS, CloudWatch Logs and Lambda on
 * one port, recognised the way AWS recognises them (the SigV4 credential
 * scope, X-Amz-Target, paths), each request in the account its access key
 * names (./account-of.ts), control endpoints under /_emulator/ for tests and
 * demos, and a TLS data plane that serves the default account's custom
 * domains (./dataplane/).
 */
import { requestRefusal } from "./request-guard";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as account from "./account/router";
import * as acm from "./acm/router";
import * as apigateway from "./apigateway/router";
import * as lambda from "./lambda/router";
import * as logs from "./logs/router";
import { startDataPlane } from "./dataplane/listener";
import { serviceOf, virtualHostBucket } from "./service-of";
import * as s3 from "./s3/router";
import * as sts from "./sts/router";
import {
  AwsError,
  type Context,
  type EmulatorConfig,
  type EmulatorRequest,
  type Reply,
  type Route,
  type Service,
} from "./http";
import { errorReply } from "./error-reply";
import { loadState, saveState } from "./persistence";
import { readBody } from "./request-body";
import { seedDemo } from "./seed/demo";
import { controlEndpoints } from "./control";
import { Faults } from "./faults";
import { ACCOUNT_ID, emptyState, type EmulatorState } from "./state";
import { accountContexts } from "./account-contexts";
import { accountOf } from "./account-of";

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Load the demo data at start (ignored when a --state file held a state). */
  seed?: boolean;
  stateFile?: string;
  compat?: EmulatorConfig["compat"];
  updatingMs?: number;
  issueDelayMs?: number;
  /** The data plane's TLS port (0: any free one); none when absent. */
  dataPort?: number;
  /** Where start-up messages go (default: nowhere). */
  log?: (message: string) => void;
}

export interface RunningEmulator {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
  /** The live state, for in-process callers (the dashboard's embedded mode). */
  readonly state: EmulatorState;
  /** What handlers get, for in-process callers (invokeFunction). */
  readonly context: Context;
  /** The data plane's TLS port, when it listens. */
  dataPlanePort: number | null;
  /** The live configuration (compat mode, delays), as /_emulator/config changes it. */
  readonly config: Readonly<EmulatorConfig>;
}

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
  let ownEndpoint = "";
  const ctx: Context = {
    account: ACCOUNT_ID,
    get state() {
      return state;
    },
    get root() {
      return state;
    },
    get endpoint() {
      return ownEndpoint;
    },
    config,
    now: () => Date.now() + state.clockOffsetMs,
  };
  const contexts = accountContexts(ctx);
  const persist = () => {
    if (options.stateFile) saveState(options.stateFile, state);
  };
  if (options.seed && !loaded) {
    await seedDemo(ctx);
    persist();
  }

  const counts = new Map<string, number>();
  const faults = new Faults();
  const control = controlEndpoints({
    ctx,
    config,
    counts,
    faults,
    persist,
    replaceState: (next) => {
      state = next;
    },
    dataPlanePort: () => dataPlane?.port ?? null,
  });
  let dataPlane: Awaited<ReturnType<typeof startDataPlane>> | undefined;

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
    const refused = requestRefusal(req.headers);
    if (refused) {
      req.resume();
      send({
        status: 403,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: refused }),
      });
      return;
    }
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
        account: account.route,
        logs: logs.route,
        lambda: lambda.route,
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
      const context = contexts.of(accountOf(req));
      await faults.apply(route.operation, service, rawPath, {
        account: context.account,
        ...(service === "sts" ? { form: sts.queryParams(request) } : {}),
      });
      // Handlers validate everything before they change the state, so a
      // failed call changes nothing; a successful change is persisted.
      const reply = await route.run(context);
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
  ownEndpoint = `http://${["0.0.0.0", "::"].includes(options.host ?? "") ? "127.0.0.1" : (options.host ?? "127.0.0.1")}:${port}`;
  if (options.dataPort !== undefined) {
    const host = options.host ?? "127.0.0.1";
    dataPlane = await startDataPlane(ctx, options.dataPort, host).catch((error: Error) => {
      log(
        `Data plane port ${options.dataPort} unavailable (${error.message}): using any free port`,
      );
      return startDataPlane(ctx, 0, host);
    });
  }
  return {
    endpoint,
    port,
    get state() {
      return state;
    },
    config,
    context: ctx,
    dataPlanePort: dataPlane?.port ?? null,
    stop: async () => {
      for (const context of contexts.all()) await lambda.stopFunctionWorkers(context);
      if (dataPlane) {
        dataPlane.server.closeAllConnections();
        await new Promise<void>((resolve) => dataPlane!.server.close(() => resolve()));
      }
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
