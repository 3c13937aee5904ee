"use client";
/**
 * A domain's unfinished changes: its change lock (who, since, when it
 * frees; break it once its lease has ended) and each change in doubt beside
 * the domain's real state (resolve it once that state is checked).
 */
import { useState } from "react";
import { breakDomainLock } from "@/lib/actions/break-domain-lock";
import { resolveChangeInDoubt } from "@/lib/actions/resolve-change-in-doubt";
import type { InDoubtView, LockView } from "@/lib/domains/changes/change-state";
import { Notice } from "../../../components/notice";
import { Button } from "../../../components/ui/button";
import { useAction } from "../../../components/use-action";

const utc = (iso: string) => `${iso.slice(0, 19).replace("T", " ")} UTC`;
const short = (v: string | undefined) => (v ? `${v.slice(0, 12)}${v.length > 12 ? "…" : ""}` : "—");

function actual(view: InDoubtView): string {
  if (view.actualVersion === null) return "mutual TLS is off (or not reported)";
  return view.actualVersion
    ? `version ${short(view.actualVersion)}`
    : "the latest object (no pinned version)";
}

function verdict(view: InDoubtView): string {
  if (view.landed === "yes") return "The domain's state shows this change as made.";
  if (view.landed === "no")
    return "The domain's state does not show this change: it did not land, or has not landed yet.";
  return "The domain's state cannot tell whether this change was made.";
}

export function ChangeStateActions({
  domainName,
  region,
  lock,
  inDoubt,
  canChange,
}: {
  domainName: string;
  region: string;
  lock: LockView | null;
  inDoubt: InDoubtView[];
  canChange: boolean;
}) {
  const breaking = useAction(breakDomainLock);
  const resolving = useAction(resolveChangeInDoubt);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const say = (ok: boolean, text: string) => setOutcome({ ok, text });
  return (
    <div className="space-y-3">
      {lock && (
        <div
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="domain-lock"
          data-in-doubt={lock.inDoubt ? "1" : undefined}
          data-expired={lock.expired ? "1" : undefined}
        >
          <p className="font-medium">Change lock held by {lock.owner}</p>
          <p>{lock.sentence}</p>
          <p className="text-xs">
            Since {utc(lock.since)} · lease ends {utc(lock.expiresAt)}
          </p>
          {canChange && lock.breakable && (
            <Button
              size="xs"
              tone="danger"
              disabled={breaking.pending}
              onClick={() =>
                breaking.run({ domainName, region, nonce: lock.nonce }, (r) =>
                  say(
                    r.ok,
                    r.ok ? "The lock was broken (recorded in the audit trail)." : r.message,
                  ),
                )
              }
            >
              {breaking.pending ? "Breaking the lock…" : "Break this lock"}
            </Button>
          )}
        </div>
      )}
      {inDoubt.map((c) => (
        <div
          key={c.id}
          className="space-y-2 rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950"
          data-testid="in-doubt"
          data-landed={c.landed}
          data-running={c.running ? "1" : undefined}
        >
          <p className="font-medium">
            {c.running ? "In progress" : "In doubt"}: {c.user}&apos;s {c.action} at {utc(c.at)}
          </p>
          <p>
            {c.message ? `${c.message}. ` : ""}From {short(c.fromVersion)} to {short(c.toVersion)}.
            {c.running
              ? "It holds the domain's lock and is being made now."
              : "AWS never confirmed the outcome (no answer in time, or the server stopped)."}
          </p>
          {!c.running && (
            <p>
              Now: {actual(c)}. {verdict(c)} Check that this is what the domain should be at, then
              resolve it.
            </p>
          )}
          {canChange && !c.running && (
            <Button
              size="xs"
              disabled={resolving.pending}
              onClick={() =>
                resolving.run({ domainName, region, intentId: c.id }, (r) =>
                  say(
                    r.ok,
                    r.ok ? "Resolved: the audit trail records the domain's state." : r.message,
                  ),
                )
              }
            >
              {resolving.pending ? "Resolving…" : "I have checked: resolve"}
            </Button>
          )}
        </div>
      ))}
      {outcome && <Notice tone={outcome.ok ? "success" : "error"}>{outcome.text}</Notice>}
    </div>
  );
}
