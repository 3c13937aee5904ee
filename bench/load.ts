/**
 * A load run: N viewers on loopback, each asking for the page again as soon
 * as it has it, for a while; request rate and latency percentiles.
 */
export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

export async function loadRun(url: string, viewers: number, seconds: number): Promise<LoadFigures> {
  const times: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        try {
          const res = await fetch(url);
          await res.arrayBuffer();
          if (!res.ok) failed++;
        } catch {
          failed++;
        }
        times.push(performance.now() - start);
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
  };
}
