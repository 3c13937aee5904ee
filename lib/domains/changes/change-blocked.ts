import "server-only";
/**
 * Why a domain cannot be changed right now, decided once: the domain page
 * shows it (disabled controls with the reason) and every mutation refuses
 * with it (lib/domains/change-guards.ts).
 */
import type { DomainErrorCode } from "../shared/errors";
import type { Role } from "../../model/roles";
import type { MtlsDomain } from "../../model/domain";
import type { Capabilities } from "../../aws/capabilities";

export interface ChangeBlock {
  code: DomainErrorCode;
  message: string;
}

const BACKEND_NAMES: Record<string, string> = {
  aws: "AWS",
  emulator: "the mTLS Console emulator",
  localstack: "LocalStack",
  moto: "moto",
  "unknown-endpoint": "an AWS endpoint this dashboard does not know",
};

/** A backend's name as the pages say it. */
export function backendLabel(backend: string): string {
  return BACKEND_NAMES[backend] ?? backend;
}

/** Why changes cannot be made on this backend. */
export function updateUnsupported(backend: string): string {
  return `This AWS endpoint (${backendLabel(backend)}) does not implement UpdateDomainName: uploading, switching truststore versions and disabling mTLS need real AWS or the mTLS Console emulator.`;
}

/**
 * null: the domain can be changed now (by this role, when one is given).
 * `updateDomainName` "unknown" (an endpoint we do not know) is not a
 * block: the change is tried and a refusal is explained.
 */
export function changeBlocked(
  domain: Pick<MtlsDomain, "domainName" | "status">,
  capabilities: Pick<Capabilities, "backend" | "updateDomainName">,
  role?: Role,
): ChangeBlock | null {
  if (role === "viewer") {
    return {
      code: "forbidden",
      message: "Your role (viewer) can see everything here but change nothing: ask an operator.",
    };
  }
  if (capabilities.updateDomainName === false)
    return { code: "unsupported", message: updateUnsupported(capabilities.backend) };
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
