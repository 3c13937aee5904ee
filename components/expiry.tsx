import { daysUntil, expiryBand, type ExpiryBand } from "@/lib/model/status-help";

const BAND_CLASS: Record<ExpiryBand, string> = {
  expired: "bg-rose-600 text-white",
  week: "bg-rose-100 text-rose-900 ring-1 ring-rose-300",
  month: "bg-amber-100 text-amber-900 ring-1 ring-amber-300",
  fine: "bg-emerald-50 text-emerald-900 ring-1 ring-emerald-200",
};
const BAND_LABEL: Record<ExpiryBand, string> = {
  expired: "expired",
  week: "under 7 days",
  month: "under 30 days",
  fine: "",
};

export function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

/** Whole days left (rounded down, as the engine's findings count them), or days since. */
export function relativeDays(iso: string, now = Date.now()): string {
  const days = daysUntil(iso, now);
  const whole = Math.floor(Math.abs(days));
  if (whole === 0) return days < 0 ? "today (expired)" : "today";
  return days < 0
    ? `${whole} day${whole === 1 ? "" : "s"} ago`
    : `in ${whole} day${whole === 1 ? "" : "s"}`;
}

/** An expiry date with its colour band: expired / under 7 days / under 30 days / fine. */
export function Expiry({
  notAfter,
  now,
  compact,
}: {
  notAfter: string;
  now?: number;
  compact?: boolean;
}) {
  const band = expiryBand(notAfter, now);
  const days = Math.floor(daysUntil(notAfter, now));
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs tabular-nums ${BAND_CLASS[band]}`}
      data-band={band}
      title={`${notAfter} (${relativeDays(notAfter, now)}${BAND_LABEL[band] ? `, ${BAND_LABEL[band]}` : ""})`}
    >
      {formatDay(notAfter)}
      {compact ? (
        <span className="opacity-80">{band === "expired" ? "expired" : `${days} d`}</span>
      ) : (
        <span className="opacity-80">
          ({relativeDays(notAfter, now)}
          {BAND_LABEL[band] && band !== "expired" ? `, ${BAND_LABEL[band]}` : ""})
        </span>
      )}
    </span>
  );
}
