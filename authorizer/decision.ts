/**
 * Allow or deny one client certificate against a domain's revocation
 * lists, with the shared verdict (lib/revocation/verdict.ts). Fail closed:
 * lists that cannot be read, a CRL past nextUpdate or a CRL that cannot be
 * read refuse the client, unless the function is configured to fail open;
 * even then a client the readable lists revoke (or, when the object cannot
 * be read now, the last good lists revoked) is refused.
 */
import { revocationOf } from "../lib/revocation/revocation";
import { revocationVerdict, verdictSentence } from "../lib/revocation/verdict";
import type { ListsRead, LoadedLists } from "./revocation-lists";

/** Why a decision was made, short enough for the authorizer's context and for log queries. */
export type DecisionReason =
  | "not-revoked"
  | "revoked"
  | "stale-crl"
  | "crl-unreadable"
  | "lists-unreadable"
  | "no-client-certificate"
  | "certificate-unreadable"
  | "not-configured";

export interface Decision {
  allow: boolean;
  reason: DecisionReason;
  /** Whether current revocation lists were checked in full (false when the function failed open). */
  revocationChecked: boolean;
  /** One sentence for the log. */
  detail: string;
}

/** A refusal; the lists count as checked only when they revoke the client. */
const deny = (reason: DecisionReason, detail: string): Decision => ({
  allow: false,
  reason,
  revocationChecked: reason === "revoked",
  detail,
});

/** Lets a client through unchecked (fail open) unless these lists revoke it. */
function failOpen(
  clientPem: string,
  lists: Pick<LoadedLists, "doc" | "crls"> | undefined,
  reason: DecisionReason,
  detail: string,
): Decision {
  if (lists) {
    const revocation = revocationOf(clientPem, {
      crls: lists.crls.crls,
      denied: lists.crls.denied ?? lists.doc.denied,
    });
    if (revocation.revoked)
      return {
        allow: false,
        reason: "revoked",
        revocationChecked: false,
        detail: `${verdictSentence({ allow: false, why: "revoked", revocation })} (${detail})`,
      };
  }
  return {
    allow: true,
    reason,
    revocationChecked: false,
    detail: `Let through unchecked (FAIL_OPEN): ${detail}`,
  };
}

/** The decision for one client certificate, given how its domain's lists were read. */
export function decide(
  clientPem: string,
  read: ListsRead,
  options: { failOpen: boolean; now: Date },
): Decision {
  try {
    if (!read.ok)
      return options.failOpen
        ? failOpen(clientPem, read.lastGood, "lists-unreadable", read.problem)
        : deny("lists-unreadable", read.problem);
    const { doc, crls } = read.lists;
    const verdict = revocationVerdict(clientPem, doc, options.now, crls);
    const detail = verdictSentence(verdict);
    if (verdict.allow)
      return { allow: true, reason: "not-revoked", revocationChecked: true, detail };
    if (verdict.why === "revoked") return deny("revoked", detail);
    const reason = verdict.why === "stale-crl" ? "stale-crl" : "crl-unreadable";
    // The verdict stops at an unreadable CRL: the readable ones and the deny list still count.
    return options.failOpen
      ? failOpen(clientPem, read.lists, reason, detail)
      : deny(reason, detail);
  } catch {
    return deny("certificate-unreadable", "The client certificate in the request cannot be read.");
  }
}
