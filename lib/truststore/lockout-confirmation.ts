/**
 * When a truststore change needs the domain name typed to go ahead: apart
 * from the lockout's analysis, so a page can ask it without carrying that.
 */
import type { InformedLockout } from "./lockout-informed";

/** A change that breaks a chain or refuses a client seen needs the domain name typed. */
export const needsTypedName = (l: InformedLockout | null | undefined) =>
  !!l && (l.broken.length > 0 || (l.clients?.refused.length ?? 0) > 0);

/** The change may go ahead: nothing to type, or the domain name typed exactly. */
export function lockoutConfirmed(
  lockout: InformedLockout | null | undefined,
  typed: string,
  domainName: string,
): boolean {
  return !needsTypedName(lockout) || typed === domainName;
}
