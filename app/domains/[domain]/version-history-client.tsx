"use client";
/**
 * Truststore versions from S3: which is active, what each holds, a diff of
 * any against the active one, and one-click activation (roll back or
 * forward) behind a confirmation that shows what changes for clients.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { activateTruststoreVersion } from "@/lib/actions/activate-truststore-version";
import type { VersionSummary } from "@/lib/domains/versions/types";
import { unpackRecords, type PackedRecords } from "@/lib/model/packed-records";
import { ConfirmDialog } from "../../../components/ui/dialog";
import type { ManagedBy } from "@/lib/model/iac";
import { TableHead } from "../../../components/ui/table-head";
import { ActivationOutcome, SwitchDetails } from "./lazy-flows-client";
import { useComparisons } from "./use-comparisons";
import { Notice } from "../../../components/notice";
import type { ActivationData } from "./activation-outcome";
import { lockoutConfirmed, needsTypedName } from "@/lib/truststore/lockout-confirmation";
import { useAction } from "../../../components/use-action";
import { VersionRow } from "./version-row";

export function VersionHistory({
  domainName,
  region,
  packedVersions,
  activeVersionId,
  blockedReason,
  truststoreUri,
  managed = null,
}: {
  domainName: string;
  region: string;
  /** The versions, newest first, packed (lib/model/packed-records.ts). */
  packedVersions: PackedRecords<VersionSummary>;
  activeVersionId?: string;
  /** Infrastructure as code that owns the domain: a switch here can be undone by it. */
  managed?: ManagedBy | null;
  /** Set when the truststore was opened by its S3 URI: diffs name it. */
  truststoreUri?: string;
  /** Why versions cannot be switched here (LocalStack, UPDATING, locked), if so. */
  blockedReason?: string;
}) {
  const versions = useMemo(() => unpackRecords(packedVersions), [packedVersions]);
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

  // Keyboard focus goes to the version switched to once the page shows it active, not to the page.
  const focusOnceActive = useRef<string | null>(null);
  useEffect(() => {
    const id = focusOnceActive.current;
    if (!id || activeVersionId !== id) return;
    focusOnceActive.current = null;
    document.querySelector<HTMLElement>(`[data-version-id="${CSS.escape(id)}"]`)?.focus();
  }, [activeVersionId]);

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
        if (result.ok) focusOnceActive.current = v.versionId;
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
        {confirming && (
          <SwitchDetails
            managed={managed}
            version={confirming}
            lockout={lockoutOf(confirming)}
            comparison={comparisons[confirming.versionId]}
            domainName={domainName}
            typed={typed}
            onTyped={setTyped}
          />
        )}
      </ConfirmDialog>
    </div>
  );
}
