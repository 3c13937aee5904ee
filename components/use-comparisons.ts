"use client";
/** Comparisons of truststore versions with the active one, fetched when first asked for. */
import { useCallback } from "react";
import { compareTruststoreVersions } from "@/lib/actions/compare-truststore-versions";
import type { VersionComparison } from "@/lib/domains/compare";
import { useFetched, type Fetched } from "./use-fetched";

export type Comparison = Fetched<VersionComparison>;

export function useComparisons(domainName: string, region: string) {
  const read = useCallback(
    (versionId: string) => compareTruststoreVersions({ domainName, region, versionId }),
    [domainName, region],
  );
  const { values, request } = useFetched(read);
  return { comparisons: values, compare: request };
}
