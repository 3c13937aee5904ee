"use client";
/**
 * Comparisons of truststore versions with the active one, fetched from the
 * server when first asked for and kept for the page's life (a failed one is
 * asked for again next time).
 */
import { useCallback, useRef, useState } from "react";
import { compareTruststoreVersions } from "@/lib/actions/compare-truststore-versions";
import type { VersionComparison } from "@/lib/domains/compare";

export type Comparison = VersionComparison | { error: string } | "loading";

export function useComparisons(domainName: string, region: string) {
  const [comparisons, setComparisons] = useState<Record<string, Comparison>>({});
  const asked = useRef(new Set<string>());
  const compare = useCallback(
    (versionId: string) => {
      if (asked.current.has(versionId)) return;
      asked.current.add(versionId);
      setComparisons((now) => ({ ...now, [versionId]: "loading" }));
      void compareTruststoreVersions({ domainName, region, versionId }).then((result) => {
        if (!result.ok) asked.current.delete(versionId);
        setComparisons((now) => ({
          ...now,
          [versionId]: result.ok ? result.data : { error: result.message },
        }));
      });
    },
    [domainName, region],
  );
  return { comparisons, compare };
}
