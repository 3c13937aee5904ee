import type { TruststoreDiff } from "@/lib/truststore/diff";

const IMPACT_CLASS = {
  refused: "text-rose-900 bg-rose-50 border-rose-200",
  accepted: "text-emerald-900 bg-emerald-50 border-emerald-200",
  renewed: "text-sky-900 bg-sky-50 border-sky-200",
  "warning-added": "text-amber-900 bg-amber-50 border-amber-200",
  "warning-removed": "text-slate-700 bg-slate-50 border-slate-200",
} as const;

/** What a change of truststore adds, removes and means for clients. */
export function DiffView({
  diff,
  fromLabel = "the active version",
}: {
  diff: TruststoreDiff;
  fromLabel?: string;
}) {
  if (diff.identical && diff.impacts.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        Same certificates as {fromLabel}: clients are not affected.
      </p>
    );
  }
  return (
    <div className="space-y-2 text-sm" data-testid="diff">
      <p className="text-slate-700">
        Compared with {fromLabel}: <strong>{diff.added.length}</strong> added,{" "}
        <strong>{diff.removed.length}</strong> removed, {diff.unchanged.length} unchanged.
      </p>
      {(diff.added.length > 0 || diff.removed.length > 0) && (
        <ul className="space-y-0.5 font-mono text-xs">
          {diff.added.map((c) => (
            <li key={`+${c.fingerprintSha256}`} className="text-emerald-800" data-change="added">
              + {c.subject}
            </li>
          ))}
          {diff.removed.map((c) => (
            <li key={`-${c.fingerprintSha256}`} className="text-rose-800" data-change="removed">
              − {c.subject}
            </li>
          ))}
        </ul>
      )}
      {diff.impacts.length > 0 && (
        <ul className="space-y-1" aria-label="What this means for clients">
          {diff.impacts.map((impact, i) => (
            <li
              key={i}
              className={`rounded border px-2 py-1 text-xs ${IMPACT_CLASS[impact.kind]}`}
              data-impact={impact.kind}
            >
              {impact.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
