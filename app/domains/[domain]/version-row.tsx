"use client";
/** One truststore version in the history: when, who, what it holds, its diff and its switch. */
import type { VersionSummary } from "@/lib/domains/versions/types";
import { ComparisonView } from "./lazy-flows-client";
import type { Comparison } from "./use-comparisons";
import { Button } from "../../../components/ui/button";
import { CopyButton } from "../../../components/copy-button";

export function VersionRow({
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
        className={v.isActive ? "version-row bg-emerald-50/60" : "version-row"}
        data-testid="version-row"
        data-version-id={v.versionId}
        data-active={v.isActive ? "true" : undefined}
        tabIndex={-1}
      >
        <td className="cell whitespace-nowrap tabular-nums">
          {v.deleteMarker ? (
            <span className="text-slate-500">deleted</span>
          ) : (
            v.lastModified.slice(0, 16).replace("T", " ")
          )}
        </td>
        <td className="cell">
          <code className="font-mono text-xs" title={v.versionId}>
            {`${v.versionId.slice(0, 12)}…`}
          </code>
          {v.isActive && (
            <span className="ml-2 rounded bg-emerald-600 px-1.5 py-0.5 text-xs font-medium text-white">
              {activeLabel}
            </span>
          )}
          {v.isLatest && !v.deleteMarker && (
            <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">latest</span>
          )}
          {!v.deleteMarker && (
            <span className="mt-1 block">
              <CopyButton
                text={v.versionId}
                label="Copy ID"
                name={`Copy version ID ${v.versionId}`}
              />
            </span>
          )}
        </td>
        <td className="cell text-xs">
          {v.metadata.uploadedBy ?? <span className="text-slate-400">unknown</span>}
        </td>
        <td className="cell text-xs tabular-nums">
          {v.deleteMarker ? "—" : `${(v.size / 1024).toFixed(1)} KB`}
        </td>
        <td className="cell tabular-nums">
          {v.deleteMarker || v.summarising ? "—" : v.certificateCount}
        </td>
        <td className="cell text-xs">
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
        <td className="cell text-right whitespace-nowrap">
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
