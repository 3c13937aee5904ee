/**
 * What a dropped file does to today's chains and to the clients seen
 * (loaded with the checked file, not with the page).
 */
import { assessLockout } from "@/lib/truststore/lockout";
import { comparable } from "@/lib/truststore/comparable";
import { informLockout, type InformedLockout } from "@/lib/truststore/lockout-informed";
import type { TruststoreReport } from "@/lib/truststore/types";
import type { ActiveBasis } from "./use-active-basis";

export function uploadLockout(basis: ActiveBasis, candidate: TruststoreReport): InformedLockout {
  return informLockout(
    assessLockout(basis, candidate),
    basis,
    comparable(candidate),
    basis.seen,
    new Date(),
  );
}
