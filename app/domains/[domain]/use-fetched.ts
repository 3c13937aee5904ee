"use client";
/**
 * Things read from the server by key when first asked for (a read action),
 * kept for the page's life; a failed one is asked for again next time.
 */
import { useCallback, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";

export type Fetched<T> = T | { error: string } | "loading";

export function useFetched<K extends string | number, T>(
  read: (key: K) => Promise<ActionResult<T>>,
) {
  const [values, setValues] = useState<Partial<Record<K, Fetched<T>>>>({});
  const asked = useRef(new Set<K>());
  const request = useCallback(
    (key: K) => {
      if (asked.current.has(key)) return;
      asked.current.add(key);
      setValues((now) => ({ ...now, [key]: "loading" }));
      void read(key).then((result) => {
        if (!result.ok) asked.current.delete(key);
        setValues((now) => ({
          ...now,
          [key]: result.ok ? result.data : { error: result.message },
        }));
      });
    },
    [read],
  );
  return { values, request };
}
