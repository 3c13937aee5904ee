"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Each wait is this much longer than the one before, up to MAX_DELAY_MS. */
const BACK_OFF = 1.5;
const MAX_DELAY_MS = 60_000;
/** After this long it stops and offers a button: a status stuck for good never polls forever. */
export const GIVE_UP_MS = 10 * 60_000;

/**
 * Re-renders the page from the server while `active` (statuses that settle
 * on their own): first after `intervalMs`, then less and less often (× 1.5,
 * at most a minute), and not at all after 10 minutes, when a Refresh button
 * takes over.
 */
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
  const [delay, setDelay] = useState(intervalMs);
  const [gaveUp, setGaveUp] = useState(false);
  // Each press of Refresh after it gave up starts another round of polling.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    let wait = intervalMs;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      if (Date.now() - started >= GIVE_UP_MS) return setGaveUp(true);
      router.refresh();
      wait = Math.min(MAX_DELAY_MS, Math.round(wait * BACK_OFF));
      setDelay(wait);
      timer = setTimeout(tick, wait);
    };
    timer = setTimeout(tick, wait);
    return () => clearTimeout(timer);
  }, [active, intervalMs, router, round]);
  if (!active) return null;
  if (gaveUp)
    return (
      <span role="status" className="flex items-center gap-2 text-xs text-amber-900">
        Stopped refreshing after {GIVE_UP_MS / 60_000} minutes: this is taking longer than it
        should.
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-0.5 text-slate-900"
          onClick={() => {
            router.refresh();
            setGaveUp(false);
            setDelay(intervalMs);
            setRound((r) => r + 1);
          }}
        >
          Refresh
        </button>
      </span>
    );
  return (
    <span role="status" className="text-xs text-sky-800">
      Refreshing in {Math.round(delay / 1000)} s until {until}…
    </span>
  );
}
