import "server-only";
/**
 * The one wrapper every server action goes through: session → permission →
 * zod parse → typed result. AWS errors become fixed messages; nothing raw
 * (SDK text, stack traces, credentials) reaches the browser.
 */
import { z } from "zod";
import { AwsFailure } from "../aws/errors";
import { allows, getSession, type Permission, type Session } from "../auth/session";
import { DomainError } from "../domains/errors";
import type { ActionResult } from "./result";

export function defineAction<S extends z.ZodType, T>(options: {
  name: string;
  permission: Permission;
  schema: S;
  handler: (input: z.infer<S>, session: Session) => Promise<T>;
}): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const session = await getSession();
    if (!session) return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
    if (!allows(session, options.permission)) {
      return { ok: false, code: "forbidden", message: "Your role can look but not change: ask an operator to do this." };
    }
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
      return { ok: false, code: "invalid-input", message: "Some of the input is not valid.", fieldErrors };
    }
    try {
      return { ok: true, data: await options.handler(parsed.data, session) };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
      if (error instanceof AwsFailure) return { ok: false, code: "aws", message: error.message };
      console.error(`[action ${options.name}]`, error);
      return { ok: false, code: "internal", message: "Something went wrong on the server. Nothing was changed unless the page says so; reload to see the current state." };
    }
  };
}
