/**
 * Why a domain cannot be changed right now, decided once: the domain page
 * shows it (disabled controls with the reason) and every mutation refuses
 * with it (lib/domains/change-guards.ts).
 */
import type { DomainErrorCode } from "./errors";
import type { Role } from "../auth/roles";
import type { MtlsDomain } from "./types";

export interface ChangeBlock {
  code: DomainErrorCode;
  message: string;
}

export const UPDATE_UNSUPPORTED =
  "This AWS endpoint (LocalStack) does not implement UpdateDomainName: uploading, switching truststore versions and disabling mTLS need real AWS or the mTLS Console emulator.";

/** null: the domain can be changed now (by this role, when one is given). */
export function changeBlocked(
  domain: Pick<MtlsDomain, "domainName" | "status">,
  canUpdateDomainName: boolean,
  role?: Role,
): ChangeBlock | null {
  if (role === "viewer") {
    return {
      code: "forbidden",
      message: "Your role (viewer) can see everything here but change nothing: ask an operator.",
    };
  }
  if (!canUpdateDomainName) return { code: "unsupported", message: UPDATE_UNSUPPORTED };
  if (domain.status === "UPDATING") {
    return {
      code: "conflict",
      message: `${domain.domainName} is being updated right now (UPDATING): wait until it is AVAILABLE, then try again.`,
    };
  }
  if (domain.status === "PENDING_OWNERSHIP_VERIFICATION") {
    return {
      code: "status-locked",
      message:
        "Updates to this domain name are locked until a valid ownership verification certificate is set.",
    };
  }
  return null;
}
