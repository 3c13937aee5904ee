"use client";
/**
 * Truststore versions from S3: which is active, what each holds, a diff of
 * any against the active one, and one-click activation (roll back or
 * forward) behind a confirmation that shows what changes for clients.
 */
import { useState } from "react";
import { activateTruststoreVersion } from "@/lib/actions/activate-truststore-version";
import type { VersionSummary } from "@/lib/domains/versions/types";
import { ConfirmDialog } from "../../../components/ui/dialog";
import { IacWarning } from "../../../components/iac-warning";
import type { ManagedBy } from "@/lib/model/iac";
import { TableHead } from "../../../components/ui/table-head";
import { ComparisonView } from "./comparison-view";
import { useComparisons, type Comparison } from "./use-comparisons";
import { Notice } from "../../../components/notice";
import { ActivationOutcome, type ActivationData } from "./activation-outcome";
import { LockoutGuard, lockoutConfirmed, needsTypedName } from "./lockout-guard-client";
import { useAction } from "../../../components/use-action";
import { Button } from "../../../components/ui/button";

export function VersionHistory({
  domainName,
  region,
  versions,
  activeVersionId,
  blockedReason,
  truststoreUri,
  managed = null,
}: {
  domainName: string;
  region: string;
  versions: VersionSummary[];
  activeVersionId?: string;
  /** Infrastructure as code that owns the domain: a switch here can be undone by it. */
  managed?: ManagedBy | null;
  /** Set when the truststore was opened by its S3 URI: diffs name it. */
  truststoreUri?: string;
  /** Why versions cannot be switched here (LocalStack, UPDATING, locked), if so. */
  blockedReason?: string;
}) {
  const [openDiff, setOpenDiff] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<VersionSummary | null>(null);
  const { run, pending } = useAction(activateTruststoreVersion);
  const [typed, setTyped] = useState("");
  const [outcome, setOutcome] = useState<
    | { ok: true; data: ActivationData; versionId: string; warning?: string }
    | { ok: false; message: string }
    | null
  >(null);
  const activeIndex = versions.findIndex((v) => v.isActive);
  const { comparisons, compare } = useComparisons(domainName, region, truststoreUri);
  /** The lockout guard of the version being confirmed, once its comparison is in. */
  const lockoutOf = (v: VersionSummary | null) => {
    const c = v ? comparisons[v.versionId] : undefined;
    return c && c !== "loading" && !("error" in c) ? c.lockout : undefined;
  };

  const activate = (v: VersionSummary) =>
    run(
      {
        domainName,
        region,
        versionId: v.versionId,
        expectedCurrentVersion: activeVersionId ?? "",
        confirmation: typed,
      },
      (result) => {
        setConfirming(null);
        setOutcome(
          result.ok
            ? {
                ok: true,
                data: result.data,
                versionId: v.versionId,
                ...(result.warning ? { warning: result.warning } : {}),
              }
            : { ok: false, message: result.message },
        );
      },
    );

  if (versions.length === 0)
    return <p className="text-sm text-slate-600">No versions of this object were found in S3.</p>;
  return (
    <div className="space-y-3">
      {outcome &&
        (outcome.ok ? (
          <ActivationOutcome data={outcome.data} versionId={outcome.versionId} />
        ) : (
          <Notice tone="error">{outcome.message}</Notice>
        ))}
      {outcome?.ok && outcome.warning && <Notice tone="error">{outcome.warning}</Notice>}
      {blockedReason && <Notice tone="info">{blockedReason}</Notice>}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Truststore versions, newest first</caption>
          <TableHead
            columns={[
              "Uploaded",
              "Version",
              "By",
              "Size",
              "Certificates",
              "Findings",
              <span key="actions" className="sr-only">
                Actions
              </span>,
            ]}
          />
          <tbody>
            {versions.map((v, i) => (
              <VersionRow
                key={v.versionId}
                v={v}
                direction={activeIndex < 0 ? "activate" : i > activeIndex ? "back" : "forward"}
                comparable={activeIndex >= 0 && !!v.analysed}
                diffOpen={openDiff === v.versionId}
                comparison={comparisons[v.versionId]}
                toggleDiff={() => {
                  if (openDiff !== v.versionId) compare(v.versionId);
                  setOpenDiff(openDiff === v.versionId ? null : v.versionId);
                }}
                onActivate={() => {
                  compare(v.versionId);
                  setTyped("");
                  setConfirming(v);
                }}
                blocked={!!blockedReason}
                activeLabel={truststoreUri ? "compared with" : "active"}
              />
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming ? `Switch ${domainName} to version ${confirming.versionId.slice(0, 12)}…?` : ""
        }
        confirmLabel="Switch version"
        tone={needsTypedName(lockoutOf(confirming)) ? "danger" : "primary"}
        confirmDisabled={
          !lockoutOf(confirming) || !lockoutConfirmed(lockoutOf(confirming), typed, domainName)
        }
        pending={pending}
        onConfirm={() => confirming && activate(confirming)}
        onClose={() => !pending && setConfirming(null)}
      >
        <IacWarning managed={managed} />
        {confirming && (
          <>
            {lockoutOf(confirming) && (
              <LockoutGuard
                lockout={lockoutOf(confirming)!}
                domainName={domainName}
                typed={typed}
                onTyped={setTyped}
              />
            )}
            <p className="text-sm">
              API Gateway will use this exact S3 version (
              {confirming.lastModified.slice(0, 16).replace("T", " ")} UTC
              {confirming.metadata.uploadedBy
                ? `, uploaded by ${confirming.metadata.uploadedBy}`
                : ""}
              ) for every new TLS handshake. The domain is UPDATING for a short while.
            </p>
            <ComparisonView comparison={comparisons[confirming.versionId]} />
            {confirming.counts.warning > 0 && (
              <Notice tone="info">
                This version has {confirming.counts.warning} warning
                {confirming.counts.warning === 1 ? "" : "s"}: clients whose chain runs through those
                certificates will be refused.
              </Notice>
            )}
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}

function VersionRow({
  v,
  direction,
  comparable,
  diffOpen,
  comparison,
  toggleDiff,
  onActivate,
  blocked,
  activeLabel,
}: {
  v: VersionSummary;
  direction: "back" | "forward" | "activate";
  comparable: boolean;
  diffOpen: boolean;
  comparison: Comparison | undefined;
  toggleDiff: () => void;
  onActivate: () => void;
  blocked: boolean;
  /** The badge of the version diffs compare with: "active", or for an opened truststore its newest. */
  activeLabel: string;
}) {
  const label =
    direction === "back"
      ? "Roll back to this version"
      : direction === "forward"
        ? "Roll forward to this version"
        : "Activate this version";
  return (
    <>
      <tr
        className={`border-t border-slate-100 align-top ${v.isActive ? "bg-emerald-50/60" : ""}`}
        data-testid="version-row"
        data-version-id={v.versionId}
        data-active={v.isActive ? "true" : undefined}
      >
        <td className="px-3 py-2 whitespace-nowrap tabular-nums">
          {v.deleteMarker ? (
            <span className="text-slate-500">deleted</span>
          ) : (
            v.lastModified.slice(0, 16).replace("T", " ")
          )}
        </td>
        <td className="px-3 py-2">
          <code className="font-mono text-xs" title={v.versionId}>
            {v.versionId.slice(0, 12)}…
          </code>
          {v.isActive && (
            <span className="ml-2 rounded bg-emerald-600 px-1.5 py-0.5 text-xs font-medium text-white">
              {activeLabel}
            </span>
          )}
          {v.isLatest && !v.deleteMarker && (
            <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">latest</span>
          )}
        </td>
        <td className="px-3 py-2 text-xs">
          {v.metadata.uploadedBy ?? <span className="text-slate-400">unknown</span>}
        </td>
        <td className="px-3 py-2 text-xs tabular-nums">
          {v.deleteMarker ? "—" : `${(v.size / 1024).toFixed(1)} KB`}
        </td>
        <td className="px-3 py-2 tabular-nums">
          {v.deleteMarker || v.summarising ? "—" : v.certificateCount}
        </td>
        <td className="px-3 py-2 text-xs">
          {v.deleteMarker ? (
            "—"
          ) : v.summarising ? (
            <span className="text-sky-800">summarising…</span>
          ) : v.counts.error > 0 ? (
            <span className="text-rose-800">{v.counts.error} error(s)</span>
          ) : v.counts.warning > 0 ? (
            <span className="text-amber-800">{v.counts.warning} warning(s)</span>
          ) : (
            <span className="text-emerald-800">none</span>
          )}
        </td>
        <td className="px-3 py-2 text-right whitespace-nowrap">
          {!v.deleteMarker && !v.isActive && (
            <div className="flex justify-end gap-2">
              {comparable && (
                <Button tone="secondary" size="xs" aria-expanded={diffOpen} onClick={toggleDiff}>
                  {diffOpen ? "Hide diff" : "Diff"}
                </Button>
              )}
              <Button
                tone="primary"
                size="xs"
                disabled={blocked || v.verdict === "error" || !v.analysed}
                title={
                  v.verdict === "error"
                    ? "This version has file-level errors and cannot be activated"
                    : undefined
                }
                onClick={onActivate}
              >
                {label}
              </Button>
            </div>
          )}
        </td>
      </tr>
      {diffOpen && (
        <tr className="border-t border-slate-100">
          <td colSpan={7} className="bg-slate-50 px-3 py-3">
            <ComparisonView comparison={comparison} />
          </td>
        </tr>
      )}
    </>
  );
}
