/**
 * Small helpers for benchmarks: median time over repeated runs and peak
 * heap growth while a run is under way, a server's resident memory.
 */
import { execFileSync } from "node:child_process";

export interface Measurement {
  medianMs: number;
  peakHeapMb: number;
}

function collect() {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Time and memory in separate passes: the heap sampler (a 1 ms timer reading
 * process.memoryUsage) would otherwise add its own cost to whatever yields
 * while it runs (the engine's awaits) and nothing to synchronous work (the
 * native baseline). Timed runs repeat until there are `repeats` of them and
 * at least MIN_TIMED_MS in all (small bundles take a few ms: five runs are
 * mostly noise). A second, not 300 ms: an 800-certificate check takes about
 * 40 ms, so 300 ms was the median of six runs just after the first, while
 * the JIT still compiles (one such run measured 29–99 ms per check).
 */
const MIN_TIMED_MS = 1_000;
const MAX_TIMED_RUNS = 500;

export async function measure(
  run: () => Promise<unknown> | unknown,
  repeats = 5,
): Promise<Measurement> {
  await run(); // warm-up: JIT, key caches of the runtime, lazy imports
  const times: number[] = [];
  let spent = 0;
  while (times.length < repeats || (spent < MIN_TIMED_MS && times.length < MAX_TIMED_RUNS)) {
    const start = performance.now();
    await run();
    const ms = performance.now() - start;
    times.push(ms);
    spent += ms;
  }
  let peak = 0;
  for (let i = 0; i < repeats; i++) {
    collect();
    const base = process.memoryUsage().heapUsed;
    let max = base;
    const sampler = setInterval(() => {
      max = Math.max(max, process.memoryUsage().heapUsed);
    }, 1);
    await run();
    clearInterval(sampler);
    max = Math.max(max, process.memoryUsage().heapUsed);
    peak = Math.max(peak, max - base);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, peakHeapMb: peak / 1_048_576 };
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join("  ");
  return [
    line(cells[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}

export const fixed = (n: number, digits = 1) => n.toFixed(digits);

/**
 * Resident memory in MB: of the server (the node process `npm start` runs;
 * a deployment runs it without npm) and of the whole process group.
 */
export function rssMb(pid: number): { server: number; all: number } {
  const out = execFileSync("ps", ["-o", "rss=,args=", "-g", String(pid)], { encoding: "utf8" });
  let server = 0;
  let all = 0;
  for (const line of out.split("\n")) {
    const [rss, ...args] = line.trim().split(/\s+/);
    const kb = Number(rss) || 0;
    all += kb;
    if (/next-server|scripts\/start\.mjs/.test(args.join(" "))) server = Math.max(server, kb);
  }
  return { server: server / 1024, all: all / 1024 };
}
