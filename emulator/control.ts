/**
 * The control endpoints under /_emulator/ for tests and demos: health,
 * reset, seed, request counts, faults, the clock, configuration, a
 * domain's status and a Lambda function's code (GetFunction's
 * Code.Location). Not part of any AWS API.
 */
import { z } from "zod";
import { localCa } from "./dataplane/local-ca";
import type { Faults } from "./faults";
import { faultSchema } from "./faults";
import { AwsError, json, type Context, type EmulatorConfig, type Reply } from "./http";
import { seedBulkDomains, seedDemo } from "./seed/demo";
import { accountState } from "./account-contexts";
import {
  ACCOUNT_ID,
  DOMAIN_STATUSES,
  domainKey,
  emptyState,
  lambdaFunctionKey,
  type EmulatorState,
} from "./state";

const statusSchema = z.object({
  region: z.string().default("us-east-1"),
  /** The domain's account (default: the default account). */
  account: z
    .string()
    .regex(/^\d{12}$/)
    .default(ACCOUNT_ID),
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

export interface ControlDeps {
  ctx: Context;
  config: EmulatorConfig;
  replaceState(state: EmulatorState): void;
  counts: Map<string, number>;
  faults: Faults;
  persist(): void;
  /** The data plane's TLS port, when it listens. */
  dataPlanePort(): number | null;
}

type Body = { parse<T>(schema: z.ZodType<T>): T };
type Endpoint = [
  method: string,
  path: string | RegExp,
  run: (body: Body, match: RegExpExecArray | null) => Promise<Reply> | Reply,
];

function bodyOf(raw: Buffer): Body {
  return {
    parse<T>(schema: z.ZodType<T>): T {
      let input: unknown = {};
      if (raw.length > 0) {
        try {
          input = JSON.parse(raw.toString("utf8"));
        } catch {
          throw new AwsError(400, "BadRequest", "The body must be JSON.");
        }
      }
      const result = schema.safeParse(input);
      if (!result.success) {
        throw new AwsError(
          400,
          "BadRequest",
          result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        );
      }
      return result.data;
    },
  };
}

export function controlEndpoints({
  ctx,
  config,
  replaceState,
  counts,
  faults,
  persist,
  dataPlanePort,
}: ControlDeps) {
  const clock = () => ({
    now: new Date(ctx.now()).toISOString(),
    offsetSeconds: ctx.root.clockOffsetMs / 1000,
  });
  const endpoints: Endpoint[] = [
    [
      "GET",
      "/_emulator/health",
      () =>
        json(200, {
          status: "ok",
          compat: config.compat,
          updatingMs: config.updatingMs,
          issueDelayMs: config.issueDelayMs,
          now: clock().now,
          dataPlanePort: dataPlanePort(),
        }),
    ],
    [
      "GET",
      "/_emulator/demo-clients",
      () => json(200, { clients: Object.keys(ctx.root.demoClients).sort() }),
    ],
    [
      "GET",
      /^\/_emulator\/demo-clients\/([A-Za-z0-9_-]+)\.pem$/,
      (_body, match) => {
        const pem = ctx.root.demoClients[match![1]!];
        if (!pem) throw new AwsError(404, "NotFound", "No such demo client.");
        return { status: 200, headers: { "content-type": "application/x-pem-file" }, body: pem };
      },
    ],
    [
      "GET",
      /^\/_emulator\/lambda-code\/(?:(\d{12})\/)?([\w-]+)\/([\w-]+)\.zip$/,
      (_body, match) => {
        const [, account = ACCOUNT_ID, region, name] = match!;
        const fn = accountState(ctx.root, account).lambdaFunctions[
          lambdaFunctionKey(region!, name!)
        ];
        if (!fn) throw new AwsError(404, "NotFound", "No such function.");
        return {
          status: 200,
          headers: { "content-type": "application/zip" },
          body: Buffer.from(fn.zipBase64, "base64"),
        };
      },
    ],
    [
      "GET",
      "/_emulator/ca.pem",
      async () => ({
        status: 200,
        headers: { "content-type": "application/x-pem-file" },
        body: (await localCa(ctx)).pem,
      }),
    ],
    [
      "POST",
      "/_emulator/reset",
      () => {
        replaceState(emptyState());
        counts.clear();
        faults.clear();
        persist();
        return json(200, { reset: true });
      },
    ],
    [
      "POST",
      "/_emulator/seed",
      async (body) => {
        const args = body.parse(seedSchema);
        if (args.reset) replaceState(emptyState());
        const summary =
          args.bulkDomains !== undefined
            ? await seedBulkDomains(ctx, args.bulkDomains, args.region ?? "us-east-1")
            : await seedDemo(ctx);
        persist();
        return json(200, summary);
      },
    ],
    [
      "GET",
      "/_emulator/requests",
      () => json(200, { counts: Object.fromEntries([...counts.entries()].sort()) }),
    ],
    ["DELETE", "/_emulator/requests", () => (counts.clear(), json(200, { counts: {} }))],
    [
      "POST",
      "/_emulator/faults",
      (body) => {
        const f = body.parse(faultSchema);
        faults.add(f);
        return json(200, { operation: f.operation, kind: f.kind, count: f.count });
      },
    ],
    ["GET", "/_emulator/faults", () => json(200, { faults: faults.list() })],
    ["DELETE", "/_emulator/faults", () => (faults.clear(), json(200, { faults: {} }))],
    ["GET", "/_emulator/clock", () => json(200, clock())],
    [
      "POST",
      "/_emulator/clock",
      (body) => {
        const c = body.parse(clockSchema);
        if ("advanceSeconds" in c) ctx.root.clockOffsetMs += c.advanceSeconds * 1000;
        else if ("now" in c) {
          const target = Date.parse(c.now);
          if (Number.isNaN(target))
            throw new AwsError(400, "BadRequest", "now must be an ISO-8601 time");
          ctx.root.clockOffsetMs = target - Date.now();
        } else ctx.root.clockOffsetMs = 0;
        persist();
        return json(200, clock());
      },
    ],
    [
      "POST",
      "/_emulator/config",
      (body) => {
        const c = body.parse(configSchema);
        if (c.updatingMs !== undefined) config.updatingMs = c.updatingMs;
        if (c.issueDelayMs !== undefined) config.issueDelayMs = c.issueDelayMs;
        if (c.compat !== undefined) config.compat = c.compat;
        return json(200, config);
      },
    ],
    [
      "POST",
      /^\/_emulator\/domains\/([^/]+)\/status$/,
      (body, match) => {
        const s = body.parse(statusSchema);
        const name = decodeURIComponent(match![1]!);
        const domain = accountState(ctx.root, s.account).domains[domainKey(s.region, name)];
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
      },
    ],
  ];

  return async (path: string, method: string, raw: Buffer): Promise<Reply> => {
    for (const [m, p, run] of endpoints) {
      if (m !== method) continue;
      if (typeof p === "string") {
        if (p === path) return run(bodyOf(raw), null);
        continue;
      }
      const match = p.exec(path);
      if (match) return run(bodyOf(raw), match);
    }
    throw new AwsError(404, "NotFound", `No control endpoint ${method} ${path}.`);
  };
}
