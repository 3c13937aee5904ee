import "server-only";
/**
 * The clients seen as the lockout guard weighs a change with them, each
 * revoked one marked: a client the revocation lists refuse is refused
 * already, so the guard counts it apart (lib/truststore's
 * seenClientsImpact). Unreadable lists mark none.
 */
import { sameClient } from "../../revocation/client-ref";
import { seenForGuard } from "../clients-seen/clients-seen";
import { readRevocationLists } from "./revocation-lists";

export async function seenForGuardWithRevocations(domainName: string, region: string) {
  const [seen, lists] = await Promise.all([
    seenForGuard(domainName, region),
    readRevocationLists(domainName, region).catch(() => null),
  ]);
  if (!seen || !lists?.doc.denied.length) return seen;
  return {
    ...seen,
    clients: seen.clients.map((c) =>
      lists.doc.denied.some((d) => sameClient(d, { issuer: c.issuerDN, serial: c.serialNumber }))
        ? { ...c, revoked: true }
        : c,
    ),
  };
}
