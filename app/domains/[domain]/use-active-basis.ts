"use client";
/**
 * The active truststore version, as comparing a dropped file needs it,
 * fetched when first asked for (the domain page does not carry it).
 */
import { useCallback, useState } from "react";
import { getActiveTruststoreBasis } from "@/lib/actions/get-active-truststore-basis";
import { assessLockout } from "@/lib/truststore/lockout";
import { comparable, type ComparableReport } from "@/lib/truststore/comparable";
import {
  informLockout,
  type InformedLockout,
  type SeenClients,
} from "@/lib/truststore/lockout-informed";
import type { TruststoreReport } from "@/lib/truststore/types";

export type ActiveBasis = ComparableReport & { seen: SeenClients | null };

/** What a dropped file does to today's chains and to the clients seen. */
export function uploadLockout(basis: ActiveBasis, candidate: TruststoreReport): InformedLockout {
  return informLockout(
    assessLockout(basis, candidate),
    basis,
    comparable(candidate),
    basis.seen,
    new Date(),
  );
}

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
