/**
 * A load run: N viewers on loopback, each asking for the page again as soon
 * as it has it. The first `warmupSeconds` are reported apart (the burst of
 * N viewers arriving at once on a server that has only seen a few views:
 * V8 still compiling the hot paths), then `seconds` of steady load give the
 * request rate and latency percentiles.
 */
export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /** The slowest view of the warm-up (the viewers' first arrival included). */
  warmupMax: number;
}

export async function loadRun(
  url: string,
  viewers: number,
  seconds: number,
  warmupSeconds = 3,
): Promise<LoadFigures> {
  const times: number[] = [];
  const warmup: number[] = [];
  let failed = 0;
  const measuredFrom = performance.now() + warmupSeconds * 1000;
  const until = measuredFrom + seconds * 1000;
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        let ok = false;
        try {
          const res = await fetch(url);
          await res.arrayBuffer();
          ok = res.ok;
        } catch {
          // counted below
        }
        if (start < measuredFrom) warmup.push(performance.now() - start);
        else {
          times.push(performance.now() - start);
          if (!ok) failed++;
        }
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    requests: times.length,
    perSecond: times.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    failed,
    warmupMax: Math.max(0, ...warmup),
  };
}
