/**
 * How soon a certificate expires, in the bands the pages colour: expired,
 * within a week, within a month, fine.
 */

/** Days until an ISO date (negative when past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return (Date.parse(iso) - now) / 86_400_000;
}

export type ExpiryBand = "expired" | "week" | "month" | "fine";

export function expiryBand(notAfter: string, now = Date.now()): ExpiryBand {
  const days = daysUntil(notAfter, now);
  if (days < 0) return "expired";
  if (days < 7) return "week";
  if (days < 30) return "month";
  return "fine";
}
