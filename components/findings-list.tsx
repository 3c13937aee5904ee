import type { Finding } from "@/lib/truststore/types";

const SEVERITY = {
  error: { label: "Error", className: "border-rose-300 bg-rose-50 text-rose-900" },
  warning: { label: "Warning", className: "border-amber-300 bg-amber-50 text-amber-900" },
  info: { label: "Note", className: "border-sky-200 bg-sky-50 text-sky-900" },
} as const;

/** Findings of the truststore rules, each linked to the certificate it is about. */
export function FindingsList({
  findings,
  certificateAnchor,
  empty,
}: {
  findings: Finding[];
  certificateAnchor?: (index: number) => string;
  empty?: string;
}) {
  if (findings.length === 0)
    return empty ? <p className="text-sm text-emerald-800">{empty}</p> : null;
  return (
    <ul className="space-y-1.5" aria-label="Findings">
      {findings.map((f, i) => (
        <li
          key={i}
          className={`rounded border px-3 py-2 text-sm ${SEVERITY[f.severity].className}`}
          data-rule={f.rule}
        >
          <span className="mr-2 font-semibold">{SEVERITY[f.severity].label}</span>
          <code className="mr-2 rounded bg-white/60 px-1 font-mono text-xs">{f.rule}</code>
          {f.message}
          {f.certificate !== undefined && certificateAnchor && (
            <a className="ml-2 underline" href={`#${certificateAnchor(f.certificate)}`}>
              certificate #{f.certificate + 1}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
