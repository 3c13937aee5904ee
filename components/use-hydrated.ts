import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False in the server render, true once React runs in the browser (drop zones work only then). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
