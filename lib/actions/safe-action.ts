import "server-only";
/**
 * The one wrapper every server action goes through: session → permission →
 * zod parse → typed result. Changes, and refused or failed attempts at one,
 * go into the audit trail: a change's record is retried, and if it still
 * cannot be written the user is told ("changed, but not recorded"). Calls
 * without a session are only logged (nobody can fill the bucket), and a
 * user's refused attempts are recorded at a bounded rate. AWS errors become
 * fixed messages; nothing raw (SDK text, stack traces, credentials) reaches
 * the browser.
 */
import { z } from "zod";
import { AwsFailure } from "../aws/errors";
import { recordAuditEvent, refusalMayBeRecorded, type AuditResult } from "../auth/audit";
import { allows, getSession, type Permission, type Session } from "../auth/session";
import { getBackend } from "../aws/config";
import { isKnownRegion } from "../aws/regions";
import { DomainError } from "../domains/errors";
import type { ActionResult } from "./result";

/** What a change action tells the audit trail about itself. */
export interface AuditFacts {
  domainName?: string;
  region?: string;
  fromVersion?: string;
  toVersion?: string;
  requestId?: string;
  /** Overrides "success" (e.g. uploaded but not activated). */
  result?: AuditResult;
  message?: string;
}

const targetSchema = z.object({
  domainName: z.string().max(253).optional(),
  region: z.string().max(32).optional(),
});

/**
 * A server action, typed for its callers: `(input: z.input<S>) =>
 * Promise<ActionResult<T>>` (dub's actions, with next-safe-action's shape).
 * The input is still parsed at run time: a caller over HTTP can send anything.
 */
export function defineAction<S extends z.ZodType, T>(options: {
  name: string;
  permission: Permission;
  schema: S;
  handler: (input: z.infer<S>, session: Session) => Promise<T>;
  /** For change actions: the facts of a successful change. */
  audit?: (input: z.infer<S>, data: T) => AuditFacts;
}): (input: z.input<S>) => Promise<ActionResult<T>> {
  /** true: recorded (or nothing to record); false: the record could not be written. */
  async function record(
    session: Session,
    input: unknown,
    result: AuditResult,
    facts: AuditFacts,
    message?: string,
  ): Promise<boolean> {
    if (options.permission !== "change") return true;
    if (result === "refused" && !refusalMayBeRecorded(session.user)) {
      console.warn(
        `[audit] ${session.user}: ${options.name} refused (${message ?? ""}); not recorded: too many refusals from this user`,
      );
      return true;
    }
    const target = targetSchema.safeParse(input);
    const asked = target.success ? target.data.region : undefined;
    const region =
      facts.region ?? (isKnownRegion(asked) ? asked : (await getBackend()).defaultRegion);
    const domainName =
      facts.domainName ?? (target.success ? target.data.domainName : undefined) ?? "(unknown)";
    try {
      await recordAuditEvent({
        user: session.user,
        role: session.role,
        action: options.name,
        domainName,
        region,
        result,
        ...(facts.fromVersion ? { fromVersion: facts.fromVersion } : {}),
        ...(facts.toVersion ? { toVersion: facts.toVersion } : {}),
        ...(facts.requestId ? { requestId: facts.requestId } : {}),
        ...(message ? { message } : {}),
      });
      return true;
    } catch (error) {
      console.error(
        `[audit] could not record ${options.name} (${result}) for ${domainName}:`,
        (error as Error).message,
      );
      return false;
    }
  }

  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const session = await getSession();
    if (!session) {
      // Logged, never written to S3: callers without a session cannot fill the bucket.
      console.warn(`[action ${options.name}] refused: no session`);
      return {
        ok: false,
        code: "unauthenticated",
        message: "Your session has ended. Sign in again.",
      };
    }
    if (!allows(session.role, options.permission)) {
      const message = "Your role (viewer) can look but not change: ask an operator to do this.";
      await record(session, input, "refused", {}, message);
      return { ok: false, code: "forbidden", message };
    }
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues)
        (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
      await record(session, input, "refused", {}, "invalid input");
      return {
        ok: false,
        code: "invalid-input",
        message: "Some of the input is not valid.",
        fieldErrors,
      };
    }
    try {
      const data = await options.handler(parsed.data, session);
      const facts = options.audit?.(parsed.data, data) ?? {};
      const recorded = await record(
        session,
        parsed.data,
        facts.result ?? "success",
        facts,
        facts.message,
      );
      if (!recorded) {
        return {
          ok: true,
          data,
          warning:
            "The change was made, but it could not be recorded in the audit trail (the audit bucket did not accept it after 3 tries). Tell whoever keeps the audit trail: who, when and what are in the server log.",
        };
      }
      return { ok: true, data };
    } catch (error) {
      if (error instanceof DomainError) {
        await record(session, parsed.data, "refused", {}, error.message);
        return {
          ok: false,
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        };
      }
      if (error instanceof AwsFailure) {
        await record(
          session,
          parsed.data,
          "failed",
          { ...(error.requestId ? { requestId: error.requestId } : {}) },
          error.message,
        );
        return { ok: false, code: "aws", message: error.message };
      }
      console.error(`[action ${options.name}]`, error);
      await record(session, parsed.data, "failed", {}, "internal error");
      return {
        ok: false,
        code: "internal",
        message:
          "Something went wrong on the server. Nothing was changed unless the page says so; reload to see the current state.",
      };
    }
  };
}
