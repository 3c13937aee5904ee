import { STATUS_HELP } from "@/lib/model/status-help";
import type { DomainStatus } from "@/lib/model/domain";

// Each tone is a class of app/globals.css (`badge-TONE`). What a status means
// is its tooltip, except the usual AVAILABLE: a hundred rows would repeat it.

export function StatusBadge({ status }: { status: DomainStatus }) {
  const help = STATUS_HELP[status];
  return (
    <span
      className={`badge badge-${help.tone}`}
      title={status === "AVAILABLE" ? undefined : help.meaning}
      data-status={status}
    >
      {help.transient && (
        <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />
      )}
      {status}
    </span>
  );
}
