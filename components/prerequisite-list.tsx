import type { Prerequisite } from "@/lib/domains/changes/mtls-prerequisites";

/** The prerequisites of mutual TLS (a new domain, or enabling it on one), each passed or failed with its fix. */
export function PrerequisiteList({ checks }: { checks: Prerequisite[] }) {
  return (
    <ul className="space-y-1" data-testid="prerequisites" aria-label="Prerequisites">
      {checks.map((c) => (
        <li
          key={c.id}
          data-prerequisite={c.id}
          data-ok={c.ok}
          className={`rounded border px-3 py-2 text-sm ${c.ok ? "border-emerald-200 bg-emerald-50 text-emerald-950" : "border-rose-300 bg-rose-50 text-rose-950"}`}
        >
          <span aria-hidden="true">{c.ok ? "✓" : "✗"}</span> <strong>{c.label}:</strong> {c.message}
          {c.fix && <span className="block text-xs">How to fix it: {c.fix}</span>}
        </li>
      ))}
    </ul>
  );
}
