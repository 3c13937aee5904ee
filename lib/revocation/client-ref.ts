/**
 * A client certificate as the revocation lists compare it: its issuer's
 * name as one key whatever its spelling, and its serial. Pure and
 * browser-safe: the pages use it to tell whether a row is revoked (the
 * ClientRef, its serial's spelling and its label are in client-label.ts).
 */
import { serialKey, type ClientRef } from "./client-label";

/** Attribute type names and OIDs as OpenSSL, RFC 4514, Java and @peculiar/x509 write them, to one name. */
const TYPES: Record<string, string> = {};
for (const [canonical, ...aliases] of [
  ["cn", "commonname", "2.5.4.3"],
  ["c", "countryname", "2.5.4.6"],
  ["l", "localityname", "2.5.4.7"],
  ["st", "s", "stateorprovincename", "2.5.4.8"],
  ["o", "organizationname", "2.5.4.10"],
  ["ou", "organizationalunitname", "2.5.4.11"],
  ["email", "e", "emailaddress", "1.2.840.113549.1.9.1"],
  ["serialnumber", "2.5.4.5"],
  ["street", "streetaddress", "2.5.4.9"],
  ["uid", "userid", "0.9.2342.19200300.100.1.1"],
  ["dc", "domaincomponent", "0.9.2342.19200300.100.1.25"],
  ["title", "t", "2.5.4.12"],
  ["givenname", "g", "gn", "2.5.4.42"],
  ["surname", "sn", "2.5.4.4"],
  ["initials", "2.5.4.43"],
  ["generationqualifier", "2.5.4.44"],
  ["dnqualifier", "2.5.4.46"],
  ["pseudonym", "2.5.4.65"],
  ["postalcode", "2.5.4.17"],
  ["businesscategory", "2.5.4.15"],
  ["organizationidentifier", "2.5.4.97"],
])
  for (const name of [canonical!, ...aliases]) TYPES[name] = canonical!;

/** Splits on unescaped separators (a backslash escapes the next character). */
function splitUnescaped(text: string, separators: string): string[] {
  const out: string[] = [];
  let part = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) {
      part += c + text[++i];
    } else if (separators.includes(c)) {
      out.push(part);
      part = "";
    } else part += c;
  }
  out.push(part);
  return out;
}

const unescape = (v: string) =>
  v
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .replace(/\\([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\(.)/g, "$1")
    .replace(/\s+/g, " ")
    .toLowerCase();

/**
 * A distinguished name as a comparable key, whatever wrote it: attribute
 * types by their canonical name (E, emailAddress and 1.2.840.113549.1.9.1
 * are one), values unescaped with case and spacing folded, and the
 * attributes sorted, so RFC 4514's reversed order, OpenSSL's
 * "/C=US/O=…" and a certificate's own order give the same key.
 */
export function nameKeyOf(dn: string): string {
  const text = dn.trim();
  const rdns = text.startsWith("/")
    ? splitUnescaped(text.slice(1), "/")
    : splitUnescaped(text, ",;");
  return rdns
    .flatMap((rdn) => splitUnescaped(rdn, "+"))
    .filter((a) => a.trim())
    .map((a) => {
      const eq = a.indexOf("=");
      if (eq < 0) return unescape(a);
      const type = a
        .slice(0, eq)
        .trim()
        .toLowerCase()
        .replace(/^oid\./, "");
      return `${TYPES[type] ?? type}=${unescape(a.slice(eq + 1))}`;
    })
    .sort()
    .join("\n");
}

/** A client's identity as one comparable key: its issuer's name key and its serial. */
export const clientKey = (c: Pick<ClientRef, "issuer" | "serial">) =>
  `${nameKeyOf(c.issuer)}|${serialKey(c.serial)}`;

/** The same certificate: same issuer and same serial (never the serial alone). */
export const sameClient = (a: ClientRef, b: ClientRef) => clientKey(a) === clientKey(b);
