/**
 * The server's log as JSON lines (`npm start`, MTLS_CONSOLE_LOG_FORMAT=json;
 * `text` for people reading a terminal): every console line of the process
 * becomes {time, level, msg}, with the request id, action and user of the
 * server action it ran in, and each AWS call made inside an action is logged
 * with its operation, HTTP status and AWS request id, so a change can be
 * followed from the browser's click to AWS's own records. The context lives
 * on globalThis: Next.js bundles instrumentation apart from the actions.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";

export interface RequestContext {
  requestId: string;
  action?: string;
  user?: string;
}

const shared = globalThis as unknown as {
  __mtlsConsoleRequests?: AsyncLocalStorage<RequestContext>;
  __mtlsConsoleJsonLogs?: boolean;
};
const requests = (shared.__mtlsConsoleRequests ??= new AsyncLocalStorage<RequestContext>());

/** Runs `run` as one request: its log lines and AWS calls carry the context. */
export function inRequest<T>(context: RequestContext, run: () => Promise<T>): Promise<T> {
  return requests.run(context, run);
}

export function currentRequest(): RequestContext | undefined {
  return requests.getStore();
}

type Level = "debug" | "info" | "warn" | "error";

function line(level: Level, msg: string, fields: Record<string, unknown> = {}): string {
  const context = currentRequest();
  return `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...context, ...fields })}\n`;
}

/** Logs one event with fields (JSON when JSON logs are on, else text with its fields). */
export function logEvent(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
  if (shared.__mtlsConsoleJsonLogs) stream.write(line(level, msg, fields));
  else if (level !== "debug") stream.write(`${msg} ${JSON.stringify(fields)}\n`);
}

/** Turns every console line of the process into a JSON line (once). */
export function installJsonLogs(): void {
  if (shared.__mtlsConsoleJsonLogs) return;
  shared.__mtlsConsoleJsonLogs = true;
  const methods: [(keyof Console & Level) | "log", Level, NodeJS.WriteStream][] = [
    ["log", "info", process.stdout],
    ["info", "info", process.stdout],
    ["debug", "debug", process.stdout],
    ["warn", "warn", process.stderr],
    ["error", "error", process.stderr],
  ];
  for (const [method, level, stream] of methods)
    (console as unknown as Record<string, (...args: unknown[]) => void>)[method] = (
      ...args: unknown[]
    ) => void stream.write(line(level, format(...args)));
}

/** Whether the environment asks for JSON logs: MTLS_CONSOLE_LOG_FORMAT, else json in production. */
export function wantsJsonLogs(env: Record<string, string | undefined> = process.env): boolean {
  const asked = env.MTLS_CONSOLE_LOG_FORMAT;
  if (asked === "json") return true;
  if (asked === "text") return false;
  return env.NODE_ENV === "production";
}
