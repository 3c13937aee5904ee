import { STATUS_HELP } from "@/lib/model/status-help";
import type { DomainStatus } from "@/lib/model/domain";

const TONES = {
  ok: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  busy: "bg-sky-100 text-sky-900 ring-sky-300",
  warn: "bg-amber-100 text-amber-900 ring-amber-300",
  error: "bg-rose-100 text-rose-900 ring-rose-300",
} as const;

export function StatusBadge({ status }: { status: DomainStatus }) {
  const help = STATUS_HELP[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${TONES[help.tone]}`}
      title={help.meaning}
      data-status={status}
    >
      {help.transient && (
        <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />
      )}
      {status}
    </span>
  );
}
