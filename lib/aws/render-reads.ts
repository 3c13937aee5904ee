/**
 * The reads a page render has made, while React renders it. React keeps
 * one map per render (its `cache`) and says when the render is over (its
 * `cacheSignal`, aborted once the page is sent): until then, a read the
 * render already made is answered again from that answer (./shared-reads.ts
 * gives each caller its own copy), so a page whose sections each ask for
 * the domain's mappings reads them once and shows one picture. Outside a
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

/** This render's map of answered reads, or null outside a render under way. */
export function renderReads<T>(): Map<string, T> | null {
  const signal = cacheSignal();
  return signal && !signal.aborted ? perRender<T>() : null;
}
