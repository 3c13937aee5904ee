"use client";
/**
 * Each certificate's validity as a bar on one time axis, with today marked.
 * A client component: the page sends each bar as a few numbers, not as the
 * rendered tree (a hundred bars weighed 65 KB of the page's payload).
 */
import type { ValidityBar } from "./certificate-charts";

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `bars`: the certificates that are not duplicates. */
export function ValidityTimeline({ bars: unique, now }: { bars: ValidityBar[]; now: number }) {
  if (unique.length === 0) return null;
  const start = Math.min(now, ...unique.map((c) => c.from));
  const end = Math.max(now, ...unique.map((c) => c.to));
  const span = Math.max(end - start, 1);
  const pct = (t: number) => `${(((t - start) / span) * 100).toFixed(2)}%`;
  return (
    <figure aria-label="Validity over time" className="space-y-1">
      {unique.map((c) => {
        const { from, to } = c;
        const tone =
          to < now
            ? "bg-rose-500"
            : to - now < 7 * 86_400_000
              ? "bg-rose-400"
              : to - now < 30 * 86_400_000
                ? "bg-amber-400"
                : "bg-emerald-500";
        return (
          <div
            key={c.index}
            className="grid grid-cols-[minmax(8rem,16rem)_1fr] items-center gap-2 text-xs"
          >
            <span className="truncate" title={c.subject}>
              {c.subject || "(empty subject)"}
            </span>
            <div className="relative h-3 rounded bg-slate-100">
              <div
                className={`absolute inset-y-0 rounded ${tone}`}
                style={{ left: pct(from), width: `max(2px, calc(${pct(to)} - ${pct(from)}))` }}
                title={`${day(from)} → ${day(to)}`}
              />
              <div
                aria-hidden
                className="absolute -inset-y-1 w-px bg-slate-900"
                style={{ left: pct(now) }}
              />
            </div>
          </div>
        );
      })}
      <figcaption className="grid grid-cols-[minmax(8rem,16rem)_1fr] gap-2 text-xs text-slate-500">
        <span />
        <span className="flex justify-between">
          <span>{day(start)}</span>
          <span>line: today {day(now)}</span>
          <span>{day(end)}</span>
        </span>
      </figcaption>
    </figure>
  );
}
