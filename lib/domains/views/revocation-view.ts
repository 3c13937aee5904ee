import "server-only";
/**
 * The domain page's Revocation section: the lists in force (deny list and
 * CRLs with their freshness), their history, and coverage (which methods
 * and routes enforce them). Each part is read on its own, so one failed
 * read costs only its part.
 */
import { cache } from "react";
import type { MtlsDomain, TruststoreVersion } from "../../model/domain";
import type { DenyListEntry, RevocationDocument } from "../../revocation/document";
import { revocationCoverage, type Coverage } from "../revocation/coverage";
import { readListsOf, revocationHistoryOf } from "../revocation/revocation-lists";
import { readPart, type Loaded } from "../shared/loaded";

/** A CRL is "due" when its nextUpdate is within this long. */
export const CRL_DUE_MS = 24 * 3_600_000;

export interface CrlRow {
  issuer: string;
  thisUpdate: string;
  nextUpdate?: string;
  revokedCount: number;
  addedBy: string;
  addedAt: string;
  freshness: "current" | "due" | "stale";
}

export interface RevocationView {
  lists: Loaded<{
    versionId: string;
    updatedBy: string;
    updatedAt: string;
    denied: DenyListEntry[];
    crls: CrlRow[];
    location: string;
  }>;
  history: Loaded<TruststoreVersion[]>;
  coverage: Loaded<Coverage>;
}

export const crlFreshness = (nextUpdate: string | undefined, now: number): CrlRow["freshness"] =>
  !nextUpdate
    ? "current"
    : Date.parse(nextUpdate) < now
      ? "stale"
      : Date.parse(nextUpdate) - now < CRL_DUE_MS
        ? "due"
        : "current";

/** The CRLs of the lists, for people: without their bodies, with their freshness now. */
export const crlRows = (doc: RevocationDocument, now: number): CrlRow[] =>
  doc.crls.map((c) => ({
    issuer: c.issuer,
    thisUpdate: c.thisUpdate,
    ...(c.nextUpdate ? { nextUpdate: c.nextUpdate } : {}),
    revokedCount: c.revokedCount,
    addedBy: c.addedBy,
    addedAt: c.addedAt,
    freshness: crlFreshness(c.nextUpdate, now),
  }));

/** The lists in force, read once per page render (the section and Clients seen share it). */
const listsOnce = cache(readListsOf);

/** The deny list and its version, for marking and revoking clients elsewhere on the page; null when unreadable. */
export async function denyListOf(
  domain: MtlsDomain,
  region: string,
): Promise<{ versionId: string; denied: DenyListEntry[] } | null> {
  const read = await readPart(() => listsOnce(domain, region), "the revocation lists");
  return read.ok ? { versionId: read.value.versionId, denied: read.value.doc.denied } : null;
}

export async function revocationView(domain: MtlsDomain, region: string): Promise<RevocationView> {
  const now = Date.now();
  const [lists, history, coverage] = await Promise.all([
    readPart(async () => {
      const l = await listsOnce(domain, region);
      return {
        versionId: l.versionId,
        updatedBy: l.doc.updatedBy,
        updatedAt: l.doc.updatedAt,
        denied: l.doc.denied,
        crls: crlRows(l.doc, now),
        location: `s3://${l.location.bucket}/${l.location.key}`,
      };
    }, "the revocation lists"),
    readPart(
      async () => (await revocationHistoryOf(domain, region)).slice(0, 20),
      "the revocation lists' history",
    ),
    readPart(() => revocationCoverage(domain.domainName, region), "where revocation is enforced"),
  ]);
  return { lists, history, coverage };
}
