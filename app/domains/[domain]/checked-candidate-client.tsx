"use client";
/**
 * A dropped file once checked: what it changes (the diff against the active
 * version and the clients it would refuse), its findings, the warnings'
 * acknowledgement and the upload button. Loaded with the engine, when the
 * first file is dropped or pasted, not with the page.
 */
import { useId } from "react";
import { diffTruststores } from "@/lib/truststore/diff";
import type { TruststoreReport } from "@/lib/truststore/types";
import { Button } from "../../../components/ui/button";
import { lockoutConfirmed, needsTypedName } from "@/lib/truststore/lockout-confirmation";
import { LockoutGuard } from "./lockout-guard-client";
import { CheckedFileReport } from "./checked-file-report";
import { uploadLockout } from "./upload-lockout";
import type { ActiveBasis } from "./use-active-basis";

export function CheckedCandidate({
  name,
  report,
  domainName,
  hasActive,
  activeReport,
  blockedReason,
  typed,
  onTyped,
  acknowledged,
  onAcknowledged,
  pending,
  onUpload,
  onDiscard,
}: {
  name: string;
  report: TruststoreReport;
  domainName: string;
  hasActive?: boolean;
  activeReport: ActiveBasis | null;
  blockedReason?: string;
  typed: string;
  onTyped: (typed: string) => void;
  acknowledged: boolean;
  onAcknowledged: (acknowledged: boolean) => void;
  pending: boolean;
  onUpload: () => void;
  onDiscard: () => void;
}) {
  const ack = useId();
  const errors = report.findings.filter((f) => f.severity === "error");
  const warnings = report.findings.filter((f) => f.severity === "warning");
  const comparable = activeReport && errors.length === 0;
  const diff = comparable ? diffTruststores(activeReport, report) : null;
  const lockout = comparable ? uploadLockout(activeReport, report) : null;
  const canUpload =
    errors.length === 0 &&
    (warnings.length === 0 || acknowledged) &&
    // Never before the change is known: the active version must be in to compare with.
    (!hasActive || !!activeReport) &&
    lockoutConfirmed(lockout, typed, domainName) &&
    !blockedReason;

  return (
    <section
      aria-label="Checked file"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {hasActive && !activeReport && errors.length === 0 && (
        <p role="status" className="text-sm text-slate-600">
          Comparing with the active version…
        </p>
      )}
      {lockout && (
        <LockoutGuard lockout={lockout} domainName={domainName} typed={typed} onTyped={onTyped} />
      )}
      <CheckedFileReport
        name={name}
        report={report}
        diff={diff}
        refusesClients={needsTypedName(lockout)}
      />
      {errors.length === 0 && warnings.length > 0 && (
        <label
          htmlFor={ack}
          className="flex items-start gap-2 rounded bg-amber-50 p-2 text-sm text-amber-900"
        >
          <input
            id={ack}
            type="checkbox"
            checked={acknowledged}
            onChange={(e) => onAcknowledged(e.target.checked)}
            className="mt-1"
          />
          I understand: clients whose chain runs through the certificates with warnings will be
          refused. Upload it anyway.
        </label>
      )}
      <div className="flex gap-2">
        <Button tone="primary" size="md" disabled={!canUpload || pending} onClick={onUpload}>
          {pending ? "Uploading…" : "Upload and activate"}
        </Button>
        <Button size="md" onClick={onDiscard} disabled={pending}>
          Discard
        </Button>
      </div>
    </section>
  );
}
