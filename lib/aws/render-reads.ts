/**
 * The reads a page render has made, while React renders it. React keeps
 * one map per render (its `cache`) and says when the render is over (its
 * `cacheSignal`, aborted once the page is sent): until then, a read the
 * render already made is answered again from that answer (./shared-reads.ts
 * gives each caller its own copy), so a page whose sections each ask for
 * the domain's mappings reads them once and shows one picture. An answer
 * is kept for five seconds at most, each client's apart (the same read of two
 * regions or accounts is two reads), and an error is never kept. Outside a
 * render under way (server actions, route handlers, work that goes on
 * after the page is sent, scripts) there is no map: every read is sent.
 */
import { cache, cacheSignal } from "react";

/**
 * Emptied when the render is over: anything made during a render (a timer,
 * a promise) keeps the render's context alive, and with it this map.
 */
const perRender = cache(<T>() => {
  const reads = new Map<string, T>();
  cacheSignal()?.addEventListener("abort", () => reads.clear(), { once: true });
  return reads;
});

/**
 * Reads not kept: an object's body (a truststore is up to 1 MB) and the
 * overview's listings of every domain and certificate (big, and read once
 * a page: keeping them would only copy them).
 */
const NOT_KEPT = new Set(["GetObject", "GetDomainNames", "ListCertificates"]);

/**
 * How long a render answers a read again from its first answer: after
 * that, it is sent again. Longer than a page takes under load (a second or
 * two with fifty viewers), short enough that a change made elsewhere shows
 * on the next view.
 */
const KEPT_MS = 5_000;

/** This render's map of answered reads for `operation`, or null (outside a render under way, or not kept). */
export function renderReads<T>(operation: string): Map<string, T> | null {
  if (NOT_KEPT.has(operation)) return null;
  const signal = cacheSignal();
  return signal && !signal.aborted ? perRender<T>() : null;
}

/** The render's kept read under `key`: on its way, or answered less than KEPT_MS ago. */
export function keptIn<T extends { answeredAt?: number }>(
  reads: Map<string, T> | null,
  key: string,
): T | undefined {
  const kept = reads?.get(key);
  if (!kept || kept.answeredAt === undefined) return kept;
  if (Date.now() - kept.answeredAt <= KEPT_MS) return kept;
  reads!.delete(key);
  return undefined;
}
