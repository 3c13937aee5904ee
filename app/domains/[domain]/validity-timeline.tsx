import type { CertificateReport } from "@/lib/truststore/types";

/** Each certificate's validity as a bar on one time axis, with today marked. */
export function ValidityTimeline({
  certificates,
  now,
}: {
  certificates: CertificateReport[];
  now: number;
}) {
  const unique = certificates.filter((c) => c.duplicateOf === undefined);
  if (unique.length === 0) return null;
  const start = Math.min(now, ...unique.map((c) => Date.parse(c.notBefore)));
  const end = Math.max(now, ...unique.map((c) => Date.parse(c.notAfter)));
  const span = Math.max(end - start, 1);
  const pct = (t: number) => `${(((t - start) / span) * 100).toFixed(2)}%`;
  return (
    <figure aria-label="Validity over time" className="space-y-1">
      {unique.map((c) => {
        const from = Date.parse(c.notBefore);
        const to = Date.parse(c.notAfter);
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
                title={`${c.notBefore.slice(0, 10)} → ${c.notAfter.slice(0, 10)}`}
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
          <span>{new Date(start).toISOString().slice(0, 10)}</span>
          <span>line: today {new Date(now).toISOString().slice(0, 10)}</span>
          <span>{new Date(end).toISOString().slice(0, 10)}</span>
        </span>
      </figcaption>
    </figure>
  );
}
