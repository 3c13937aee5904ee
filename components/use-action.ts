"use client";
/**
 * Calling a server action from a client island: pending state, the result,
 * and a refresh of the server components after a success. One hook instead
 * of `startTransition → setOutcome → router.refresh()` in every island.
 */
import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

export function useAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  options: { refresh?: boolean } = {},
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const refresh = options.refresh ?? true;
  /** Calls the action; `then` sees its result before the page refreshes. */
  const run = useCallback(
    (input: I, then?: (result: ActionResult<T>) => void) =>
      startTransition(async () => {
        const result = await action(input);
        then?.(result);
        if (result.ok && refresh) router.refresh();
      }),
    [action, refresh, router],
  );
  return { run, pending };
}
