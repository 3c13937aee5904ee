/**
 * Revocation that API Gateway does not do: a client certificate is revoked
 * when a CRL of its issuer, or the console's deny list, names its serial
 * **under that issuer** (two CAs can issue the same serial: matching by
 * serial alone, as AWS's sample does, would revoke a stranger). A CRL
 * counts only when its issuer is a CA of the truststore, its signature
 * verifies with that CA's key, and it is not past nextUpdate. Pure, but
 * not part of the browser engine (lib/truststore): @peculiar/x509 needs the
 * Reflect metadata API, which this module loads.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { nameKeyOf, serialKey } from "./client-ref";

export { serialKey };

export interface RevokedSerial {
  serial: string;
  revokedAt: string;
  reason?: string;
}

export interface ParsedCrl {
  issuer: string;
  thisUpdate: string;
  nextUpdate?: string;
  revoked: RevokedSerial[];
  crl: x509.X509Crl;
}

/** A CRL from PEM or DER; throws with a plain sentence when it is neither. */
export function readCrl(input: string | Uint8Array): ParsedCrl {
  let crl: x509.X509Crl;
  try {
    crl =
      typeof input === "string"
        ? new x509.X509Crl(input.trim())
        : new x509.X509Crl(input.slice().buffer as ArrayBuffer);
  } catch {
    throw new Error("Not a certificate revocation list (PEM or DER).");
  }
  return {
    issuer: crl.issuer,
    thisUpdate: crl.thisUpdate.toISOString(),
    ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.toISOString() } : {}),
    revoked: crl.entries.map((e) => ({
      serial: serialKey(e.serialNumber),
      revokedAt: e.revocationDate.toISOString(),
      ...(e.reason !== undefined ? { reason: x509.X509CrlReason[e.reason] } : {}),
    })),
    crl,
  };
}

/** Why a CRL covers less than all of its CA's certificates (delta, partitioned, indirect), or null. */
function partialScope(crl: x509.X509Crl): string | null {
  const has = (oid: string) => crl.extensions.some((e) => e.type === oid);
  if (has("2.5.29.27")) return "is a delta CRL (deltaCRLIndicator)";
  if (has("2.5.29.28")) return "covers part of its CA's certificates (issuingDistributionPoint)";
  if (crl.entries.some((e) => e.extensions.some((x) => x.type === "2.5.29.29")))
    return "is an indirect CRL (certificateIssuer entries)";
  return null;
}

export type CrlCheck =
  { ok: true; issuerIndex: number; crl: ParsedCrl } | { ok: false; problem: string };

/** Whether a CRL counts against this truststore now: issued by one of its CAs, signed by it, current. */
export async function checkCrl(
  crl: ParsedCrl,
  truststorePems: string[],
  at = new Date(),
): Promise<CrlCheck> {
  const cas = truststorePems.map((pem) => new x509.X509Certificate(pem));
  const candidates = cas
    .map((ca, index) => ({ ca, index }))
    .filter(({ ca }) => nameKeyOf(ca.subject) === nameKeyOf(crl.issuer));
  const scope = partialScope(crl.crl);
  if (scope)
    return {
      ok: false,
      problem: `The CRL of ${crl.issuer} ${scope}: the lists take complete CRLs only, as a partial one would let through what the full one revokes.`,
    };
  if (!candidates.length)
    return {
      ok: false,
      problem: `The CRL is issued by ${crl.issuer}, which is not a CA of this truststore.`,
    };
  let signed: number | undefined;
  for (const { ca, index } of candidates)
    if (await crl.crl.verify({ publicKey: ca.publicKey }).catch(() => false)) {
      signed = index;
      break;
    }
  if (signed === undefined)
    return {
      ok: false,
      problem: `The CRL names ${crl.issuer} as its issuer, but that CA's key does not verify its signature.`,
    };
  if (crl.nextUpdate && Date.parse(crl.nextUpdate) < at.getTime())
    return {
      ok: false,
      problem: `The CRL of ${crl.issuer} is stale: its nextUpdate was ${crl.nextUpdate.slice(0, 16).replace("T", " ")} UTC.`,
    };
  if (Date.parse(crl.thisUpdate) > at.getTime())
    return { ok: false, problem: `The CRL of ${crl.issuer} is not valid yet (thisUpdate).` };
  return { ok: true, issuerIndex: signed, crl };
}

/** A client certificate (PEM) as the lists name it; throws with a plain sentence when it is not one. */
export function clientRefOf(pem: string): { issuer: string; serial: string; subject: string } {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(pem.trim());
  } catch {
    throw new Error("Not a PEM or DER X.509 certificate.");
  }
  return { issuer: cert.issuer, serial: serialKey(cert.serialNumber), subject: cert.subject };
}

/** Whether a client certificate was issued by the CA named so. */
export const sameIssuer = (clientPem: string, issuer: string) =>
  nameKeyOf(new x509.X509Certificate(clientPem).issuer) === nameKeyOf(issuer);

/** One entry of the console's deny list: a client certificate by its issuer and serial. */
export interface DenyEntry {
  issuer: string;
  serial: string;
  reason?: string;
  by?: string;
  at?: string;
}

export type Revocation =
  | { revoked: false }
  | { revoked: true; by: "crl"; issuer: string; entry: RevokedSerial }
  | { revoked: true; by: "deny-list"; issuer: string; entry: DenyEntry };

/** A deny list indexed by issuer key and serial (built once per stored version of the lists). */
export type DenyIndex = Map<string, DenyEntry>;
export const denyIndexOf = (denied: DenyEntry[]): DenyIndex =>
  new Map(denied.map((d) => [`${nameKeyOf(d.issuer)}|${serialKey(d.serial)}`, d]));

/** Whether a client certificate is revoked by these (checked) CRLs or the deny list. */
export function revocationOf(
  clientPem: string,
  lists: { crls: ParsedCrl[]; denied: DenyEntry[] | DenyIndex },
): Revocation {
  const client = new x509.X509Certificate(clientPem);
  const issuer = nameKeyOf(client.issuer);
  const serial = serialKey(client.serialNumber);
  for (const crl of lists.crls) {
    if (nameKeyOf(crl.issuer) !== issuer) continue;
    const entry = crl.revoked.find((r) => r.serial === serial);
    if (entry) return { revoked: true, by: "crl", issuer: crl.issuer, entry };
  }
  const index = lists.denied instanceof Map ? lists.denied : denyIndexOf(lists.denied);
  const denied = index.get(`${issuer}|${serial}`);
  return denied
    ? { revoked: true, by: "deny-list", issuer: client.issuer, entry: denied }
    : { revoked: false };
}
