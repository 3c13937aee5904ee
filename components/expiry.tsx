import { daysUntil, expiryBand, type ExpiryBand } from "@/lib/model/expiry-band";

// Each band is a class of app/globals.css (`chip-BAND`).

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
      className={`chip chip-${band}`}
      data-band={band}
      title={
        compact
          ? `${notAfter.slice(11, 16)} UTC, ${relativeDays(notAfter, now)}${BAND_LABEL[band] ? `, ${BAND_LABEL[band]}` : ""}`
          : `${notAfter} (${relativeDays(notAfter, now)}${BAND_LABEL[band] ? `, ${BAND_LABEL[band]}` : ""})`
      }
    >
      {formatDay(notAfter)}
      {compact ? (
        <span className="opacity-80">{band === "expired" ? "expired" : `${days} d`}</span>
      ) : (
        <span className="opacity-80">
          {`(${relativeDays(notAfter, now)}${BAND_LABEL[band] && band !== "expired" ? `, ${BAND_LABEL[band]}` : ""})`}
        </span>
      )}
    </span>
  );
}
