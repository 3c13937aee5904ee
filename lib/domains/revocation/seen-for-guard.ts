import "server-only";
/**
 * The clients seen as the lockout guard weighs a change with them, each
 * revoked one marked: a client the revocation lists refuse is refused
 * already, so the guard counts it apart (lib/truststore's
 * seenClientsImpact). Unreadable lists mark none.
 */
import { clientKey } from "../../revocation/client-ref";
import { denyIndexOf } from "../../revocation/revocation";
import { seenForGuard } from "../clients-seen/clients-seen";
import type { MtlsDomain } from "../../model/domain";
import { readListsOf, readRevocationLists } from "./revocation-lists";

/** `domain`: the domain as read already (no second GetDomainName), or its name. */
export async function seenForGuardWithRevocations(domain: MtlsDomain | string, region: string) {
  const domainName = typeof domain === "string" ? domain : domain.domainName;
  const [seen, lists] = await Promise.all([
    seenForGuard(domainName, region),
    (typeof domain === "string"
      ? readRevocationLists(domain, region)
      : readListsOf(domain, region)
    ).catch(() => null),
  ]);
  if (!seen || !lists?.doc.denied.length) return seen;
  const denied = denyIndexOf(lists.doc.denied);
  return {
    ...seen,
    clients: seen.clients.map((c) =>
      denied.has(clientKey({ issuer: c.issuerDN, serial: c.serialNumber }))
        ? { ...c, revoked: true }
        : c,
    ),
  };
}
