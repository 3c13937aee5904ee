/**
 * Running a function, for the emulator's callers (API Gateway's
 * authorizers in the data plane) and for Lambda's Invoke: the function
 * found by name or ARN, its handler run in its warm worker with the event.
 */
import type { Context } from "../http";
import { findFunction } from "./functions-state";
import { functionWorkers, type Outcome } from "./function-workers";

export type InvokeResult =
  | { ok: true; payload: unknown }
  | { ok: false; kind: "not-found" | "function-error" | "timeout"; error: string };

/** The outcome with the error's type and trace, as Invoke's wire answers it; null: no such function. */
export async function invocationOutcome(
  ctx: Context,
  region: string,
  functionNameOrArn: string,
  event: unknown,
): Promise<Outcome | null> {
  let fn;
  try {
    fn = findFunction(ctx, region, functionNameOrArn);
  } catch {
    return null; // a qualifier other than $LATEST: no such function here
  }
  return fn ? functionWorkers(ctx).run(fn, event) : null;
}

/**
 * Invokes a function (RequestResponse) with `event`: its result parsed
 * from JSON, or why not. `error` is the message (for a function error,
 * "errorType: errorMessage").
 */
export async function invokeFunction(
  ctx: Context,
  region: string,
  functionNameOrArn: string,
  event: unknown,
): Promise<InvokeResult> {
  const outcome = await invocationOutcome(ctx, region, functionNameOrArn, event);
  if (!outcome)
    return { ok: false, kind: "not-found", error: `Function not found: ${functionNameOrArn}` };
  if (outcome.ok) return { ok: true, payload: JSON.parse(outcome.payload) as unknown };
  return {
    ok: false,
    kind: outcome.kind,
    error:
      outcome.kind === "timeout"
        ? outcome.errorMessage
        : `${outcome.errorType}: ${outcome.errorMessage}`,
  };
}
