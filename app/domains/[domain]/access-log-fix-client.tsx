"use client";
/**
 * The operator's fix for a stage whose access log cannot say which clients
 * call this domain: add the client certificate, domain, status and error
 * fields (creating a log group, with the retention picked here, when the
 * stage has no access log). A change like any other: the exact format diff
 * and the log group are shown first, it needs a confirmation, and it
 * carries the format the page showed.
 */
import { useState } from "react";
import { addClientCertLogging } from "@/lib/actions/add-client-cert-logging";
import { accessLogGroupFor, formatDiff, RETENTION_DAYS } from "@/lib/model/access-log-format";
import { Notice } from "../../../components/notice";
import { Button } from "../../../components/ui/button";
import { ConfirmDialog } from "../../../components/ui/dialog";
import { useAction } from "../../../components/use-action";

export function AccessLogFix({
  domainName,
  region,
  restApiId,
  http,
  stageName,
  currentFormat,
  proposedFormat,
  destinationArn,
  canChange,
}: {
  domainName: string;
  region: string;
  restApiId: string;
  /** A stage of an HTTP API. */
  http: boolean;
  stageName: string;
  currentFormat: string;
  proposedFormat: string;
  /** The stage's log group today, if any. */
  destinationArn?: string;
  canChange: boolean;
}) {
  const { run, pending } = useAction(addClientCertLogging);
  const [open, setOpen] = useState(false);
  const [retentionDays, setRetention] = useState(90);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const diff = formatDiff(currentFormat, proposedFormat);
  const newGroup = destinationArn ? null : accessLogGroupFor(restApiId, stageName);
  if (!canChange) return null;
  return (
    <div className="space-y-2">
      <Button tone="primary" size="xs" onClick={() => setOpen(true)}>
        {`Add the fields to ${stageName}…`}
      </Button>
      <ConfirmDialog
        open={open}
        title={`Change the access log of stage ${stageName}`}
        confirmLabel="Change the access log"
        pending={pending}
        onClose={() => setOpen(false)}
        onConfirm={() =>
          run(
            {
              domainName,
              region,
              restApiId,
              http,
              stageName,
              expectedFormat: currentFormat,
              retentionDays,
            },
            (result) => {
              setOpen(false);
              setOutcome(
                result.ok
                  ? {
                      ok: true,
                      text: `Stage ${stageName} now logs the client certificate, domain, status and error fields.`,
                    }
                  : { ok: false, text: result.message },
              );
            },
          )
        }
      >
        <p className="text-sm">
          This changes how stage <strong>{stageName}</strong> of {http ? "HTTP" : "REST"} API{" "}
          <code className="font-mono">{restApiId}</code> logs every request (it serves every domain
          mapped to it). It is recorded in the audit trail and applies only if the format is still
          the one shown here.
        </p>
        <div data-testid="format-diff" className="space-y-1 text-sm">
          <p className="font-medium">
            {diff.replaced ? "The format is replaced by:" : "Fields added to the format:"}
          </p>
          <pre className="relative overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
            {diff.replaced
              ? proposedFormat
              : diff.added.map(([k, v]) => `+ "${k}": "${v}"`).join("\n")}
          </pre>
          {currentFormat && (
            <details>
              <summary className="cursor-pointer text-xs">The format today</summary>
              <pre className="relative overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
                {currentFormat}
              </pre>
            </details>
          )}
        </div>
        {newGroup ? (
          <div className="space-y-1 text-sm" data-testid="new-log-group">
            <p>
              The stage has no access log: the log group{" "}
              <code className="font-mono break-all">{newGroup}</code> is created for it.
            </p>
            <label className="flex items-center gap-2">
              Keep its logs for
              <select
                className="rounded border border-slate-300 px-2 py-1"
                value={retentionDays}
                onChange={(e) => setRetention(Number(e.target.value))}
              >
                {RETENTION_DAYS.map((d) => (
                  <option key={d} value={d}>
                    {d} days
                  </option>
                ))}
              </select>
            </label>
          </div>
        ) : (
          <p className="text-sm">
            Logs go on to <code className="font-mono break-all">{destinationArn}</code>.
          </p>
        )}
      </ConfirmDialog>
      {outcome && <Notice tone={outcome.ok ? "success" : "error"}>{outcome.text}</Notice>}
    </div>
  );
}
