/**
 * The warm workers that run functions: one worker thread per function and
 * code/configuration revision, kept between invocations (so module-level
 * state survives, as in a warm Lambda sandbox), replaced when the function
 * changes, ended on a timeout or a crash (the next invocation starts a
 * fresh one), and all stopped with the emulator.
 */
import { randomUUID } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { Context } from "../http";
import { lambdaFunctionKey, type LambdaFunction } from "../state";
import { functionEnvironment, logStreamName } from "./function-environment";
import { functionArn } from "./functions-state";
import { TaskRoots } from "./task-roots";
import { WORKER_SOURCE } from "./worker-source";

export interface FunctionError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

/** An invocation's outcome: the handler's result as JSON text, or its error. */
export type Outcome =
  | { ok: true; payload: string }
  | ({ ok: false; kind: "function-error" | "timeout" } & FunctionError);

interface Pending {
  requestId: string;
  timer: NodeJS.Timeout;
  resolve(outcome: Outcome): void;
}

interface WarmWorker {
  revision: string;
  worker: Worker;
  pending: Map<number, Pending>;
}

type WorkerReply = { id: number } & (
  { ok: true; payload: string } | ({ ok: false } & FunctionError)
);

export class FunctionWorkers {
  private readonly warm = new Map<string, WarmWorker>();
  private readonly roots = new TaskRoots();
  private nextId = 1;
  private stopped = false;

  constructor(private readonly ctx: Context) {}

  run(fn: LambdaFunction, event: unknown): Promise<Outcome> {
    if (this.stopped)
      return Promise.resolve({
        ok: false,
        kind: "function-error",
        errorType: "ServiceException",
        errorMessage: "The emulator has stopped.",
      });
    const warm = this.workerFor(fn);
    const id = this.nextId++;
    const requestId = randomUUID();
    const deadline = Date.now() + fn.timeout * 1000;
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        warm.pending.delete(id);
        resolve({
          ok: false,
          kind: "timeout",
          errorType: "Sandbox.Timedout",
          errorMessage: `RequestId: ${requestId} Error: Task timed out after ${fn.timeout.toFixed(2)} seconds`,
        });
        this.discard(warm, "Runtime exited without providing a reason");
      }, fn.timeout * 1000);
      warm.pending.set(id, { requestId, timer, resolve });
      warm.worker.postMessage({
        id,
        event,
        invocation: {
          functionName: fn.name,
          functionVersion: "$LATEST",
          invokedFunctionArn: functionArn(this.ctx.account, fn.region, fn.name),
          memoryLimitInMB: String(fn.memorySize),
          awsRequestId: requestId,
          logGroupName: `/aws/lambda/${fn.name}`,
          logStreamName: logStreamName(fn),
          deadline,
        },
      });
    });
  }

  /** Ends every worker, answers what they still owed, and removes the unpacked code. */
  async stop(): Promise<void> {
    this.stopped = true;
    const all = [...this.warm.values()];
    this.warm.clear();
    await Promise.all(all.map((warm) => this.discard(warm, "The emulator has stopped")));
    this.roots.removeAll();
  }

  private workerFor(fn: LambdaFunction): WarmWorker {
    const key = lambdaFunctionKey(fn.region, fn.name);
    const revision = `${fn.codeSha256}|${fn.revisionId}`;
    const current = this.warm.get(key);
    if (current?.revision === revision) return current;
    if (current) this.retire(key, current);
    const taskRoot = this.roots.of(fn);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      env: functionEnvironment(this.ctx, fn, taskRoot),
      workerData: { taskRoot, handler: fn.handler },
      resourceLimits: { maxOldGenerationSizeMb: Math.max(fn.memorySize, 256) },
    });
    worker.unref();
    const warm: WarmWorker = { revision, worker, pending: new Map() };
    worker.on("message", (reply: WorkerReply) => {
      const pending = warm.pending.get(reply.id);
      if (!pending) return;
      warm.pending.delete(reply.id);
      clearTimeout(pending.timer);
      pending.resolve(
        reply.ok
          ? { ok: true, payload: reply.payload }
          : { ...errorFields(reply), ok: false, kind: "function-error" },
      );
    });
    worker.on("error", (error: Error) => {
      // An uncaught exception ends the sandbox, as in Lambda.
      this.fail(warm, {
        errorType: error.name,
        errorMessage: error.message,
      });
      this.forget(warm);
    });
    worker.on("exit", (code) => {
      this.fail(warm, {
        errorType: "Runtime.ExitError",
        errorMessage: `Runtime exited with error: exit status ${code}`,
      });
      this.forget(warm);
    });
    this.warm.set(key, warm);
    return warm;
  }

  /** A worker of an older revision: ended once its invocations are answered. */
  private retire(key: string, warm: WarmWorker): void {
    this.warm.delete(key);
    if (warm.pending.size === 0) void warm.worker.terminate();
    else
      warm.worker.on("message", () => {
        if (warm.pending.size === 0) void warm.worker.terminate();
      });
  }

  private async discard(warm: WarmWorker, reason: string): Promise<void> {
    this.forget(warm);
    this.fail(warm, { errorType: "Runtime.ExitError", errorMessage: reason });
    await warm.worker.terminate();
  }

  private forget(warm: WarmWorker): void {
    for (const [key, value] of this.warm) if (value === warm) this.warm.delete(key);
  }

  private fail(warm: WarmWorker, error: FunctionError): void {
    for (const pending of warm.pending.values()) {
      clearTimeout(pending.timer);
      pending.resolve({
        ok: false,
        kind: "function-error",
        errorType: error.errorType,
        errorMessage: `RequestId: ${pending.requestId} Error: ${error.errorMessage}`,
      });
    }
    warm.pending.clear();
  }
}

const errorFields = ({ errorType, errorMessage, trace }: FunctionError): FunctionError => ({
  errorType,
  errorMessage,
  ...(trace ? { trace } : {}),
});

const workers = new WeakMap<Context, FunctionWorkers>();

/** The emulator's workers (made on first use). */
export function functionWorkers(ctx: Context): FunctionWorkers {
  let found = workers.get(ctx);
  if (!found) workers.set(ctx, (found = new FunctionWorkers(ctx)));
  return found;
}

/** Stops the emulator's functions and removes their code (the emulator's stop()). */
export async function stopFunctionWorkers(ctx: Context): Promise<void> {
  await workers.get(ctx)?.stop();
  workers.delete(ctx);
}
