/**
 * A graceful stop (SIGTERM from ECS, Kubernetes or Docker): the changes
 * under way in this process are let finish and be recorded, new ones are
 * refused with nothing changed, then the process may exit. A change still
 * running when the grace ends keeps its intent (in doubt on its page) and
 * its lock (free when its lease ends).
 */
/**
 * On globalThis: Next.js bundles instrumentation.ts (which handles the
 * signal) apart from the server actions (which run the changes), so a
 * module's own variables would be two different sets.
 */
const shared = globalThis as unknown as {
  __mtlsConsoleChanges?: { running: Set<Promise<unknown>>; draining: boolean };
};
const state = (shared.__mtlsConsoleChanges ??= { running: new Set(), draining: false });
const running = state.running;

export const isDraining = () => state.draining;

/** Counts a change as under way until it settles (recorded or not). */
export function trackChange<T>(change: Promise<T>): Promise<T> {
  running.add(change);
  void change.then(
    () => running.delete(change),
    () => running.delete(change),
  );
  return change;
}

/** Refuses new changes and waits (at most `graceMs`) for those under way; how many are left. */
export async function drainChanges(graceMs: number): Promise<{ waitedFor: number; left: number }> {
  state.draining = true;
  const waitedFor = running.size;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...running]),
    new Promise((resolve) => {
      timer = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(timer);
  return { waitedFor, left: running.size };
}
