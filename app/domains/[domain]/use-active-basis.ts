"use client";
/**
 * The active truststore version, as comparing a dropped file needs it,
 * fetched when first asked for (the domain page does not carry it).
 */
import { useCallback, useState } from "react";
import { getActiveTruststoreBasis } from "@/lib/actions/get-active-truststore-basis";
import type { ComparableReport } from "@/lib/truststore/comparable";
import type { SeenClients } from "@/lib/truststore/lockout-informed";

export type ActiveBasis = ComparableReport & { seen: SeenClients | null };

export function useActiveBasis(domainName: string, region: string, hasActive: boolean | undefined) {
  const [basis, setBasis] = useState<ActiveBasis | null>(null);
  const fetchBasis = useCallback(() => {
    if (!hasActive || basis) return;
    void getActiveTruststoreBasis({ domainName, region }).then(
      (result) => result.ok && setBasis(result.data),
    );
  }, [basis, domainName, hasActive, region]);
  return { activeReport: basis, fetchActive: fetchBasis };
}
