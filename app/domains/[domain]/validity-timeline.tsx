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
  const width = (from: number, to: number) => `${(((to - from) / span) * 100).toFixed(2)}%`;
  return (
    <figure
      aria-label="Validity over time"
      className="space-y-1"
      style={{ "--today": pct(now) } as React.CSSProperties}
    >
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
          <div key={c.index} className="timeline-row">
            <span className="truncate" title={c.subject}>
              {c.subject || "(empty subject)"}
            </span>
            <div className="timeline-track">
              <div
                className={`timeline-bar ${tone}`}
                style={{ left: pct(from), width: width(from, to) }}
                title={`${day(from)} → ${day(to)}`}
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
