import "server-only";
/**
 * What restoring an earlier version of a domain's revocation lists would
 * change, said before it is done: the clients it revokes again or lets
 * back in, the CRLs it brings back or drops.
 */
import { clientLabel, serialKey } from "../../revocation/client-label";
import type { RevocationDocument } from "../../revocation/document";
import { denyIndexOf } from "../../revocation/revocation";
import { listsOf, readListsAt, requireNamedDomain } from "./revocation-lists";
import { requireMtlsDomain } from "../shared/domain-lookup";

export interface ListsDiff {
  /** The lists' version in force, which a restore must carry. */
  currentVersion: string;
  revokes: string[];
  letsBackIn: string[];
  crlsBack: string[];
  crlsDropped: string[];
}

export async function listsDiff(ref: {
  domainName: string;
  region: string;
  versionId: string;
}): Promise<ListsDiff> {
  requireNamedDomain(ref.domainName);
  const { domain } = await requireMtlsDomain(ref);
  const location = listsOf(domain);
  const [current, old] = await Promise.all([
    readListsAt(ref.domainName, location, ref.region),
    readListsAt(ref.domainName, location, ref.region, ref.versionId),
  ]);
  const now = denyIndexOf(current.doc.denied);
  const then = denyIndexOf(old.doc.denied);
  const label = (d: { issuer: string; serial: string; subject?: string }) =>
    `${clientLabel(d)} (serial ${serialKey(d.serial)})`;
  const issuers = (doc: RevocationDocument) => new Set(doc.crls.map((c) => c.issuer));
  const [crlsNow, crlsThen] = [issuers(current.doc), issuers(old.doc)];
  return {
    currentVersion: current.versionId,
    revokes: [...then].filter(([k]) => !now.has(k)).map(([, d]) => label(d)),
    letsBackIn: [...now].filter(([k]) => !then.has(k)).map(([, d]) => label(d)),
    crlsBack: [...crlsThen].filter((i) => !crlsNow.has(i)),
    crlsDropped: [...crlsNow].filter((i) => !crlsThen.has(i)),
  };
}
