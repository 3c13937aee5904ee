import type { AuditEvent } from "@/lib/records/audit-types";
import { TableHead } from "../../../components/ui/table-head";

const RESULT_CLASS = {
  success: "text-emerald-800",
  refused: "text-amber-800",
  failed: "text-rose-800",
  "in-doubt": "text-rose-800 font-semibold",
  resolved: "text-slate-800",
} as const;

/** Who changed what and when, including refused and failed attempts. */
export function AuditHistory({ events }: { events: AuditEvent[] }) {
  if (events.length === 0)
    return (
      <p className="text-sm text-slate-600">
        No change has been made to this domain through the dashboard yet.
      </p>
    );
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="audit-history">
        <caption className="sr-only">Audit trail, newest first</caption>
        <TableHead
          columns={["When (UTC)", "Who", "Action", "Versions", "Result", "AWS request id"]}
        />
        <tbody>
          {events.map((e) => (
            <tr
              key={e.id}
              className="border-t border-slate-100 align-top"
              data-testid="audit-row"
              data-result={e.result}
            >
              <td className="cell whitespace-nowrap tabular-nums">
                {e.at.slice(0, 19).replace("T", " ")}
              </td>
              <td className="cell">
                {e.user} <span className="text-xs text-slate-500">{e.role}</span>
              </td>
              <td className="cell">{e.action}</td>
              <td className="cell font-mono text-xs">
                {e.fromVersion || e.toVersion
                  ? `${e.fromVersion?.slice(0, 10) ?? "—"} → ${e.toVersion?.slice(0, 10) ?? "—"}`
                  : "—"}
              </td>
              <td className={`cell ${RESULT_CLASS[e.result]}`}>
                {e.result}
                {e.message && <span className="block text-xs text-slate-600">{e.message}</span>}
              </td>
              <td className="cell font-mono text-xs">{e.requestId ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
