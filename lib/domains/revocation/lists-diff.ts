import "server-only";
/**
 * What restoring an earlier version of a domain's revocation lists would
 * change, said before it is done: the clients it revokes again or lets
 * back in, the CRLs it brings back or drops.
 */
import { clientLabel, nameKeyOf, serialKey } from "../../revocation/client-ref";
import type { RevocationDocument } from "../../revocation/document";
import { listsOf, readListsAt, readRevocationLists } from "./revocation-lists";
import { requireMtlsDomain } from "../shared/domain-lookup";

export interface ListsDiff {
  /** The lists' version in force, which a restore must carry. */
  currentVersion: string;
  revokes: string[];
  letsBackIn: string[];
  crlsBack: string[];
  crlsDropped: string[];
}

const denyKeys = (doc: RevocationDocument) =>
  new Map(doc.denied.map((d) => [`${nameKeyOf(d.issuer)}|${serialKey(d.serial)}`, d]));

export async function listsDiff(ref: {
  domainName: string;
  region: string;
  versionId: string;
}): Promise<ListsDiff> {
  const current = await readRevocationLists(ref.domainName, ref.region);
  const { domain } = await requireMtlsDomain(ref);
  const old = await readListsAt(ref.domainName, listsOf(domain), ref.region, ref.versionId);
  const now = denyKeys(current.doc);
  const then = denyKeys(old.doc);
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
