/**
 * A client certificate as people see it: its serial's one spelling and its
 * label (the subject's CN, else the serial). Light, for the pages' client
 * code; comparing issuers' names is in client-ref.ts.
 */

/** A serial as hex, lowercase, without leading zeros or separators. */
export const serialKey = (serial: string) =>
  serial
    .replace(/[^0-9a-f]/gi, "")
    .toLowerCase()
    .replace(/^0+(?=.)/, "");

export interface ClientRef {
  issuer: string;
  serial: string;
  subject?: string;
}

/** What people call a client, and what they type to revoke it: its subject's CN, else its serial. */
export function clientLabel(c: ClientRef): string {
  const cn = /(?:^|[,+]\s*)CN\s*=\s*((?:\\.|[^,+])+)/i.exec(c.subject ?? "")?.[1]?.trim();
  return cn || serialKey(c.serial);
}
