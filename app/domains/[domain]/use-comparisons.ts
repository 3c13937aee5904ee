"use client";
/** Comparisons of truststore versions with the active one, fetched when first asked for. */
import { useCallback } from "react";
import { compareTruststoreVersions } from "@/lib/actions/compare-truststore-versions";
import type { VersionComparison } from "@/lib/domains/versions/compare";
import { useFetched, type Fetched } from "./use-fetched";

export type Comparison = Fetched<VersionComparison>;

/** `truststoreUri`: a truststore opened by its S3 URI (where the backend does not report the domain's). */
export function useComparisons(domainName: string, region: string, truststoreUri?: string) {
  const read = useCallback(
    (versionId: string) =>
      compareTruststoreVersions({
        domainName,
        region,
        versionId,
        ...(truststoreUri ? { truststoreUri } : {}),
      }),
    [domainName, region, truststoreUri],
  );
  const { values, request } = useFetched(read);
  return { comparisons: values, compare: request };
}
