"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page from the server every few seconds while `active` (statuses that settle on their own). */
export function AutoRefresh({
  active,
  intervalMs = 3000,
  until = "every status settles",
}: {
  active: boolean;
  intervalMs?: number;
  /** What the refreshing waits for, in words. */
  until?: string;
}) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return active ? (
    <span role="status" className="text-xs text-sky-800">
      Refreshing every {Math.round(intervalMs / 1000)} s until {until}…
    </span>
  ) : null;
}
