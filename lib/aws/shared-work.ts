/**
 * Work made only of reads, shared while in flight the way a read is
 * (./shared-reads.ts): the audit chain's check, whose own listing and
 * digest are read afresh, runs once for the pages that ask while it runs.
 */
import { copiesOf, NO_COPY, readGeneration, sendsOwnReads } from "./shared-reads";

interface SharedRun {
  joiners: number;
  startedAt: number;
  forJoiners: Promise<() => unknown>;
}
const work = new Map<string, SharedRun>();

/** How long after it began shared work is still joined (a long check is not an answer to a later asker). */
const WORK_JOINED_MS = 1_000;

/**
 * Work made only of reads (a check of a domain's audit chain, whose own
 * reads are sent afresh), shared while in flight the way a read is: a
 * caller that asks while the same work (`name`) of the same generation is
 * under way, begun less than WORK_JOINED_MS ago, gets its own copy of that
 * answer. Never in a server action, under a change's deadline or inside
 * `freshReads`. When the shared work fails, the callers that joined it do
 * it once more, again shared (one retry for them all, not one each).
 */
export function sharedWork<T>(name: string, run: () => Promise<T>, retry = true): Promise<T> {
  if (sendsOwnReads()) return run();
  const key = `${readGeneration()} ${name}`;
  const running = work.get(key);
  if (running && Date.now() - running.startedAt <= WORK_JOINED_MS) {
    running.joiners++;
    return running.forJoiners.then(
      (make) => {
        const mine = make();
        return mine === NO_COPY ? run() : (mine as T);
      },
      (error: unknown) => {
        if (!retry) throw error;
        return sharedWork(name, run, false);
      },
    );
  }
  const started = run();
  function forget() {
    if (work.get(key) === entry) work.delete(key);
  }
  // Runs before the first caller's own code: the joiners' copy is taken first.
  const forJoiners: Promise<() => unknown> = started.then((value) => {
    forget();
    return copiesOf(value, entry.joiners > 0);
  });
  const entry: SharedRun = { joiners: 0, startedAt: Date.now(), forJoiners };
  // Forgotten as the answer arrives (a later caller runs it anew), or when it fails.
  forJoiners.catch(forget);
  work.set(key, entry);
  return started;
}
