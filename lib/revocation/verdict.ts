/**
 * Would this client be refused by a domain's revocation lists, and why:
 * the one judgement the authorizer, the console and the CLI all make.
 * Fail closed: a client whose issuer's CRL is past nextUpdate, or any
 * client when a stored CRL cannot be read, is refused (the authorizer may
 * be configured to let those through).
 */
import type { RevocationDocument } from "./document";
import {
  denyIndexOf,
  readCrl,
  revocationOf,
  sameIssuer,
  type DenyIndex,
  type ParsedCrl,
  type Revocation,
} from "./revocation";

export type RevocationVerdict =
  | { allow: true }
  | { allow: false; why: "revoked"; revocation: Extract<Revocation, { revoked: true }> }
  | { allow: false; why: "stale-crl"; issuer: string; nextUpdate: string }
  | { allow: false; why: "unreadable"; problem: string };

/** The CRLs of a document and its deny list indexed, read once (callers keep the result while the document is unchanged). */
export function crlsOf(doc: RevocationDocument): {
  crls: ParsedCrl[];
  unreadable: string[];
  denied?: DenyIndex;
} {
  const crls: ParsedCrl[] = [];
  const unreadable: string[] = [];
  for (const entry of doc.crls) {
    try {
      crls.push(readCrl(entry.pem));
    } catch {
      unreadable.push(entry.issuer);
    }
  }
  return { crls, unreadable, denied: denyIndexOf(doc.denied) };
}

export function revocationVerdict(
  clientPem: string,
  doc: RevocationDocument,
  at: Date,
  read = crlsOf(doc),
): RevocationVerdict {
  if (read.unreadable.length)
    return {
      allow: false,
      why: "unreadable",
      problem: `The CRL of ${read.unreadable[0]} in the revocation lists cannot be read.`,
    };
  const revocation = revocationOf(clientPem, {
    crls: read.crls,
    denied: read.denied ?? doc.denied,
  });
  if (revocation.revoked) return { allow: false, why: "revoked", revocation };
  for (const crl of read.crls)
    if (
      crl.nextUpdate &&
      Date.parse(crl.nextUpdate) < at.getTime() &&
      sameIssuer(clientPem, crl.issuer)
    )
      return { allow: false, why: "stale-crl", issuer: crl.issuer, nextUpdate: crl.nextUpdate };
  return { allow: true };
}

/** One sentence for a refusal, for logs, the CLI and the authorizer's context. */
export function verdictSentence(v: RevocationVerdict): string {
  if (v.allow) return "Not revoked.";
  if (v.why === "unreadable") return v.problem;
  if (v.why === "stale-crl")
    return `The CRL of ${v.issuer} is past its nextUpdate (${v.nextUpdate}): its clients are refused until a current CRL is uploaded.`;
  const r = v.revocation;
  return r.by === "crl"
    ? `Revoked by the CRL of ${r.issuer} (serial ${r.entry.serial}, since ${r.entry.revokedAt}).`
    : `Revoked on the deny list (issuer ${r.issuer}, serial ${r.entry.serial}${r.entry.reason ? `: ${r.entry.reason}` : ""}).`;
}
