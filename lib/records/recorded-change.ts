import "server-only";
/**
 * A change made outside the web app (the CLIs) recorded as the app records
 * one: its intent written before its first AWS write, its outcome in the
 * audit trail, then the intent closed. A change whose intent cannot be
 * written is not made; one whose outcome cannot be recorded keeps its
 * intent, so it shows in doubt on the domain's page.
 */
import { asOperator } from "../aws/access-scope";
import { recordAuditEvent } from "./audit";
import { closeIntent, writeIntent, type ChangeRecorder, type Intent } from "./intents";

export async function recordedChange<T>(
  who: { user: string; action: string; domainName: string; region: string },
  run: (change: ChangeRecorder) => Promise<T>,
  outcome: (result: T) => { message: string; requestId?: string },
): Promise<T> {
  let intent: Intent | undefined;
  const change: ChangeRecorder = {
    begin: async (facts) => {
      intent = {
        ...(intent ?? {
          id: crypto.randomUUID(),
          at: new Date().toISOString(),
          user: who.user,
          role: "operator",
          action: who.action,
        }),
        ...facts,
      };
      await writeIntent(intent);
    },
  };
  const base = { user: who.user, role: "operator" as const, action: who.action };
  const target = { domainName: who.domainName, region: who.region };
  let result: T;
  try {
    result = await asOperator(() => run(change));
  } catch (error) {
    // A write AWS never answered stays in doubt: its intent is kept for an operator to resolve.
    if (intent && (error as { code?: string }).code !== "in-doubt") {
      const recorded = await recordAuditEvent({
        ...base,
        ...target,
        result: "failed",
        message: (error as Error).message,
        intentId: intent.id,
      }).catch(() => null);
      if (recorded) await closeIntent(intent);
    }
    throw error;
  }
  const said = outcome(result);
  await recordAuditEvent({
    ...base,
    ...target,
    result: "success",
    message: said.message,
    ...(said.requestId ? { requestId: said.requestId } : {}),
    ...(intent ? { intentId: intent.id } : {}),
  });
  if (intent) await closeIntent(intent);
  return result;
}
