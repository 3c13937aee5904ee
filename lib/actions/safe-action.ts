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
import { recordAuditEvent, refusalMayBeRecorded, type AuditResult } from "../records/audit";
import {
  closeIntent,
  writeIntent,
  type ChangeRecorder,
  type Intent,
  type IntentFacts,
} from "../records/intents";
import { allows, getSession, type Permission, type Session } from "../auth/session";
import { resolveRegion } from "../aws/config";
import { asOperator } from "../aws/access-scope";
import { fleetAccounts } from "../aws/accounts";
import { inRequest, type RequestContext } from "../aws/request-log";
import { domainExists } from "../domains/shared/domain-lookup";
import { DomainError } from "../domains/shared/errors";
import { isDraining, trackChange } from "../records/draining";
import type { ActionResult } from "./result";
import { intentFacts, targetSchema, type AuditFacts } from "./audit-facts";

export type { AuditFacts } from "./audit-facts";

/** An action's parsed input with its region resolved once, here, for everything below. */
export type Resolved<I> = I & { region: string };

/**
 * A server action, typed for its callers: `(input: z.input<S>) =>
 * Promise<ActionResult<T>>` (dub's actions, with next-safe-action's shape).
 * The input is still parsed at run time: a caller over HTTP can send anything.
 */
export function defineAction<S extends z.ZodType, T>(options: {
  name: string;
  permission: Permission;
  /**
   * false: an operator-only read (a dry-run check before a change): refused
   * attempts are recorded, its successes are not, so checks never crowd the
   * domain's change history.
   */
  recordsSuccess?: boolean;
  schema: S;
  /** `change.begin(…)` writes the change's intent: call it before the first AWS write. */
  /** The input as parsed, its region resolved (resolveRegion): always a known region. */
  handler: (input: Resolved<z.infer<S>>, session: Session, change: ChangeRecorder) => Promise<T>;
  /** For change actions: the facts of a successful change. */
  audit?: (input: Resolved<z.infer<S>>, data: T) => AuditFacts;
}): (input: z.input<S>) => Promise<ActionResult<T>> {
  /** true: recorded (or nothing to record); false: the record could not be written. */
  async function record(
    session: Session,
    input: unknown,
    result: AuditResult,
    facts: AuditFacts & { intentId?: string },
    message?: string,
  ): Promise<boolean> {
    if (options.permission !== "change") return true;
    if (result === "success" && options.recordsSuccess === false && !facts.intentId) return true;
    const target = targetSchema.safeParse(input);
    let region: string;
    try {
      region = facts.region ?? (await resolveRegion(target.success && target.data.region));
    } catch (error) {
      console.error(
        `[audit] ${options.name}: no region to record under:`,
        (error as Error).message,
      );
      return false;
    }
    const domainName =
      facts.domainName ?? (target.success ? target.data.domainName : undefined) ?? "(unknown)";
    if (result === "refused" && !facts.intentId) {
      // Refusals are kept apart from changes, only for domains that exist, and at a bounded rate.
      const why = !(await domainExists(domainName, region))
        ? "no such domain"
        : !(await refusalMayBeRecorded(session.user).catch(() => false))
          ? "too many refusals from this user"
          : null;
      if (why) {
        console.warn(
          `[audit] ${session.user}: ${options.name} on ${domainName} refused (${message ?? ""}); not recorded: ${why}`,
        );
        return true;
      }
    }
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
        ...(facts.intentId ? { intentId: facts.intentId } : {}),
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

  const run = async (input: z.input<S>, context: RequestContext): Promise<ActionResult<T>> => {
    const session = await getSession();
    if (session) context.user = session.user;
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
    const target = parsed.data as { domainName?: unknown; region?: unknown };
    if (fleetAccounts() && target.domainName !== undefined && target.region === undefined) {
      // In a fleet a domain's account is never guessed: the first account may have one of that name.
      await record(session, input, "refused", {}, "no place");
      return {
        ok: false,
        code: "invalid-input",
        message: "The domain's account and region are missing: reload the page and try again.",
        fieldErrors: { region: ["Required in a fleet of accounts."] },
      };
    }
    let resolved: Resolved<z.infer<S>>;
    try {
      const region = await resolveRegion((parsed.data as { region?: unknown }).region);
      resolved = { ...(parsed.data as object), region } as Resolved<z.infer<S>>;
    } catch (error) {
      console.error(`[action ${options.name}] no backend:`, (error as Error).message);
      return {
        ok: false,
        code: "aws",
        message: "The dashboard cannot reach AWS right now. Nothing was changed.",
      };
    }
    let intent: Intent | undefined;
    const change: ChangeRecorder = {
      async begin(facts: IntentFacts) {
        const next: Intent = {
          id: intent?.id ?? crypto.randomUUID(),
          at: intent?.at ?? new Date().toISOString(),
          user: session.user,
          role: session.role,
          action: options.name,
          ...facts,
        };
        try {
          await writeIntent(next);
        } catch (error) {
          console.error(`[audit] could not write the intent of ${options.name}:`, error);
          throw new DomainError(
            "intent-unrecorded",
            intent
              ? "The change stopped part-way: the audit trail did not take its next step's record, so that step was not made. The domain page shows the change in doubt until an operator resolves it."
              : "Nothing was changed: the audit trail did not take the record of this change, and no change is made without one. Try again shortly.",
          );
        }
        intent = next;
      },
    };
    /** Records the outcome; the intent is closed only when its outcome is recorded and known. */
    const finish = async (result: AuditResult, facts: AuditFacts, message?: string) => {
      const recorded = await record(
        session,
        resolved,
        result,
        { ...facts, ...(intent ? { intentId: intent.id } : {}) },
        message,
      );
      if (recorded && intent && result !== "in-doubt") await closeIntent(intent);
      if (recorded) await facts.afterRecorded?.();
      return recorded;
    };
    try {
      // A fleet account's operator role for changes, its viewer role for reads.
      const handle = () => options.handler(resolved, session, change);
      const data = await (options.permission === "change" ? asOperator(handle) : handle());
      const facts = options.audit?.(resolved, data) ?? {};
      const recorded = await finish(facts.result ?? "success", facts, facts.message);
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
      const noAnswer = error instanceof AwsFailure && error.mayHaveLanded && intent;
      // Stopped part-way (a step made, the next not), or its next step's record refused: the intent stays open.
      const unfinished =
        error instanceof DomainError &&
        (error.code === "in-doubt" ||
          error.code === "partial" ||
          (error.code === "intent-unrecorded" && intent));
      if (unfinished || noAnswer) {
        const message =
          error instanceof DomainError
            ? error.message
            : `AWS did not confirm this change (no answer in time, or a refusal only after retrying), so it is in doubt: it may still be carried out. Check the domain's state on its page before changing it again.`;
        await finish("in-doubt", intentFacts(intent), message);
        return { ok: false, code: error instanceof DomainError ? error.code : "in-doubt", message };
      }
      if (error instanceof DomainError) {
        await finish(intent ? "failed" : "refused", intentFacts(intent), error.message);
        return {
          ok: false,
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        };
      }
      if (error instanceof AwsFailure) {
        await finish(
          "failed",
          { ...intentFacts(intent), ...(error.requestId ? { requestId: error.requestId } : {}) },
          error.message,
        );
        return { ok: false, code: "aws", message: error.message };
      }
      console.error(`[action ${options.name}]`, error);
      // Unknown: an intent stays open (in doubt) rather than claim an outcome nobody knows.
      await finish(intent ? "in-doubt" : "failed", intentFacts(intent), "internal error");
      return {
        ok: false,
        code: "internal",
        message: intent
          ? "Something went wrong on the server part-way through this change: it is in doubt. Reload: the domain page shows it with the domain's real state."
          : "Something went wrong on the server. Nothing was changed unless the page says so; reload to see the current state.",
      };
    }
  };
  // Each call is one request in the log: its id, the action and the user on every line.
  const logged = (input: z.input<S>) => {
    const context: RequestContext = { requestId: crypto.randomUUID(), action: options.name };
    return inRequest(context, () => run(input, context));
  };
  if (options.permission !== "change") return logged;
  // A change runs to its end (and its record) even when the server is told to stop.
  return async (input) =>
    isDraining()
      ? {
          ok: false,
          code: "shutting-down",
          message: "The console is restarting: nothing was changed. Try again in a moment.",
        }
      : trackChange(logged(input));
}
