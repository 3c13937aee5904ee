/**
 * The overview's search among a domain's CAs: by subject, in the forms
 * people paste it, or by SHA-256 fingerprint. The search is worked out once,
 * and each CA list's compared form once per list, since every row is
 * matched against one search.
 */
import type { OverviewRow } from "./overview-row";

/** The hex of a search that looks like a certificate fingerprint (8 or more hex digits, colons allowed). */
export function fingerprintSearch(q: string): string | null {
  const trimmed = q.trim();
  if (!/^[0-9a-f:]+$/i.test(trimmed)) return null;
  const hex = trimmed.replaceAll(":", "").toLowerCase();
  return hex.length >= 8 ? hex : null;
}

/**
 * A search as parts of a subject name: "Acme Root", "CN=Acme Root CA",
 * openssl's "subject=C = US, O = Acme" or "/C=US/O=Acme"; lower case, no
 * spaces around "=", each part to be found in the subject, in any order.
 */
export function subjectTerms(q: string): string[] {
  const text = q.trim().replace(/^(subject|issuer)\s*=\s*/i, "");
  return text
    .split(text.startsWith("/") ? "/" : ",")
    .map((part) => normalizeName(part))
    .filter(Boolean);
}

const normalizeName = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*=\s*/g, "=");

const subjectText = (subject: string) =>
  subject
    .split(",")
    .map((part) => normalizeName(part))
    .join(",");

/** What a search looks for among CAs, worked out once per search (every row is matched against it). */
interface CaSearch {
  hex: string | null;
  terms: string[];
}
let lastSearch: { q: string; parsed: CaSearch } | undefined;
function caSearchOf(q: string): CaSearch {
  if (lastSearch?.q !== q)
    lastSearch = { q, parsed: { hex: fingerprintSearch(q), terms: subjectTerms(q) } };
  return lastSearch.parsed;
}

/**
 * A CA list in the form the search compares, worked out once per list: the
 * rows of one truststore share their summary's lists, and so do requests
 * while the summary is kept in memory.
 */
function comparedOnce(
  cache: WeakMap<readonly string[], string[]>,
  list: readonly string[],
  form: (item: string) => string,
): string[] {
  let compared = cache.get(list);
  if (!compared) cache.set(list, (compared = list.map(form)));
  return compared;
}
const comparedSubjects = new WeakMap<readonly string[], string[]>();
const comparedFingerprints = new WeakMap<readonly string[], string[]>();
const fingerprintHex = (f: string) => f.replaceAll(":", "").toLowerCase();

/** The subject of the first CA of the row's truststore the search names (by subject or fingerprint). */
export function caMatchOf(r: OverviewRow, search: string): string | undefined {
  const subjects = r.caSubjects ?? [];
  const { hex, terms } = caSearchOf(search);
  if (hex && r.caFingerprints) {
    const i = comparedOnce(comparedFingerprints, r.caFingerprints, fingerprintHex).findIndex((f) =>
      f.includes(hex),
    );
    if (i >= 0) return subjects[i] ?? r.caFingerprints[i];
  }
  if (!terms.length) return undefined;
  const texts = comparedOnce(comparedSubjects, subjects, subjectText);
  const i = texts.findIndex((text) => terms.every((term) => text.includes(term)));
  return i >= 0 ? subjects[i] : undefined;
}
