/**
 * Deadlines for AWS calls. Every SDK call gives up after CALL_DEADLINE_MS
 * in all (connection, every retry and its wait included), and earlier when
 * the code that makes it runs under a tighter deadline: a change runs
 * under its lock's lease (lib/domains/changes/locks.ts), so no call it makes, nor
 * any retry of one, can outlive the lease.
 *
 * The deadline is carried by AsyncLocalStorage, so the functions of
 * lib/aws need no extra parameter; the clients (./clients.ts) read it when
 * a call is sent and give the SDK an abort signal for it.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** A call's whole budget, retries included, when nothing tighter applies. */
export const CALL_DEADLINE_MS = 25_000;

interface DeadlineScope {
  /** The epoch ms after which no call may still be waiting. */
  until: () => number;
}

const scopes = new AsyncLocalStorage<DeadlineScope>();

/**
 * Runs `fn` with every AWS call inside it ending by `until()` (read at each
 * call, so a lease renewal extends it). The innermost scope decides.
 */
export function withDeadline<T>(until: () => number, fn: () => Promise<T>): Promise<T> {
  return scopes.run({ until }, fn);
}

/** Runs `fn` outside any deadline scope (cleaning up after one, such as releasing a lock). */
export function withoutDeadline<T>(fn: () => Promise<T>): Promise<T> {
  return scopes.exit(fn);
}

/** How long the next call may take at most, in ms (0 or less: the deadline has passed). */
export function callBudgetMs(callDeadlineMs = CALL_DEADLINE_MS, now = Date.now()): number {
  const scope = scopes.getStore();
  return scope ? Math.min(callDeadlineMs, scope.until() - now) : callDeadlineMs;
}

/** Whether the code running now is under a deadline tighter than a call's own (a change's lease). */
export function inDeadlineScope(): boolean {
  return scopes.getStore() !== undefined;
}

/** The error a call gets when its deadline has passed before it was sent. */
export class DeadlineExceeded extends Error {
  constructor() {
    super("The deadline for this AWS call had passed before it was sent.");
    this.name = "DeadlineExceeded";
  }
}
