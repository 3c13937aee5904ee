/**
 * A client certificate as the revocation lists name it: its issuer and
 * serial (its subject only for people). Pure and browser-safe: the pages
 * use it to label a client and to tell whether a row is revoked.
 */

/** A serial as hex, lowercase, without leading zeros or separators. */
export const serialKey = (serial: string) =>
  serial
    .replace(/[^0-9a-f]/gi, "")
    .toLowerCase()
    .replace(/^0+(?=.)/, "");

/** A distinguished name compared as text with the case and spacing folded. */
export const nameKeyOf = (dn: string) =>
  dn
    .replace(/\s*([,=+])\s*/g, "$1")
    .toLowerCase()
    .trim();

export interface ClientRef {
  issuer: string;
  serial: string;
  subject?: string;
}

/** The same certificate: same issuer and same serial (never the serial alone). */
export const sameClient = (a: ClientRef, b: ClientRef) =>
  nameKeyOf(a.issuer) === nameKeyOf(b.issuer) && serialKey(a.serial) === serialKey(b.serial);

/** What people call a client, and what they type to revoke it: its subject's CN, else its serial. */
export function clientLabel(c: ClientRef): string {
  const cn = /(?:^|[,/]\s*)CN\s*=\s*((?:\\.|[^,+/])+)/i.exec(c.subject ?? "")?.[1]?.trim();
  return cn || serialKey(c.serial);
}
