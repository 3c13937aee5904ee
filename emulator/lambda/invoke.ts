/**
 * A stand-in for invoking a Lambda function, until the emulator's Lambda
 * service lands: functions are handlers defined in this process (by tests),
 * by region and name. Same signature as the service's invokeFunction.
 */
import type { Context } from "../http";

export type FunctionHandler = (event: unknown) => unknown;

export type InvokeResult =
  | { ok: true; payload: unknown }
  | { ok: false; kind: "not-found" | "function-error" | "timeout"; error: string };

const handlers = new Map<string, FunctionHandler>();
const nameOf = (nameOrArn: string) =>
  /^arn:aws:lambda:[^:]+:\d+:function:([^:]+)/.exec(nameOrArn)?.[1] ?? nameOrArn;

/** Defines (or replaces) a function; returns its ARN. */
export function defineFunction(region: string, name: string, handler: FunctionHandler): string {
  handlers.set(`${region}|${name}`, handler);
  return `arn:aws:lambda:${region}:000000000000:function:${name}`;
}

export async function invokeFunction(
  _ctx: Context,
  region: string,
  functionNameOrArn: string,
  event: unknown,
): Promise<InvokeResult> {
  const handler = handlers.get(`${region}|${nameOf(functionNameOrArn)}`);
  if (!handler)
    return { ok: false, kind: "not-found", error: `Function not found: ${functionNameOrArn}` };
  try {
    return { ok: true, payload: JSON.parse(JSON.stringify((await handler(event)) ?? null)) };
  } catch (error) {
    return { ok: false, kind: "function-error", error: (error as Error).message };
  }
}
