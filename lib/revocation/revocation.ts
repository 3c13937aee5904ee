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
import { serialKey } from "./client-label";
import { clientKey, nameKeyOf } from "./client-ref";
import { crlSignedBy, readCrlDer, type DerCrl } from "./crl-der";

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
  /** The revoked serials by serialKey. */
  index: Map<string, RevokedSerial>;
  der: DerCrl;
  /** The CRL as PEM (what the lists store). */
  pem: string;
}

/** The bytes of a CRL given as PEM text, or DER. */
function crlBytes(input: string | Uint8Array): Uint8Array {
  if (typeof input !== "string") return input;
  // OpenSSL writes "X509 CRL"; some tools (and @peculiar/x509) plain "CRL".
  const m = /-----BEGIN (?:X509 )?CRL-----([A-Za-z0-9+/=\s]+)-----END (?:X509 )?CRL-----/.exec(
    input,
  );
  if (!m) throw new Error("no PEM block");
  return new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ""), "base64"));
}

/** A CRL from PEM or DER (./crl-der.ts reads it); throws with a plain sentence when it is neither. */
export function readCrl(input: string | Uint8Array): ParsedCrl {
  let der: DerCrl;
  let bytes: Uint8Array;
  let issuer: string;
  try {
    bytes = crlBytes(input);
    der = readCrlDer(bytes);
    issuer = new x509.Name(der.issuerDer.slice()).toString();
  } catch {
    throw new Error("Not a certificate revocation list (PEM or DER).");
  }
  const revoked = der.entries.map((e) => ({
    serial: serialKey(e.serial),
    revokedAt: e.revokedAt,
    ...(e.reason !== undefined && x509.X509CrlReason[e.reason]
      ? { reason: x509.X509CrlReason[e.reason]! }
      : {}),
  }));
  const base64 = Buffer.from(bytes).toString("base64");
  return {
    issuer,
    thisUpdate: der.thisUpdate,
    ...(der.nextUpdate ? { nextUpdate: der.nextUpdate } : {}),
    revoked,
    index: new Map(revoked.map((r) => [r.serial, r])),
    der,
    pem: `-----BEGIN X509 CRL-----\n${base64.replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}\n-----END X509 CRL-----\n`,
  };
}

/** Why a CRL covers less than all of its CA's certificates (delta, partitioned, indirect), or null. */
function partialScope(crl: DerCrl): string | null {
  const has = (oid: string) => crl.extensionOids.includes(oid);
  if (has("2.5.29.27")) return "is a delta CRL (deltaCRLIndicator)";
  if (has("2.5.29.28")) return "covers part of its CA's certificates (issuingDistributionPoint)";
  if (crl.entryExtensionOids.includes("2.5.29.29"))
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
  const scope = partialScope(crl.der);
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
  for (const { index } of candidates)
    if (crlSignedBy(crl.der, truststorePems[index]!)) {
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
  new Map(denied.map((d) => [clientKey(d), d]));

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
    const entry = crl.index.get(serial);
    if (entry) return { revoked: true, by: "crl", issuer: crl.issuer, entry };
  }
  const index = lists.denied instanceof Map ? lists.denied : denyIndexOf(lists.denied);
  const denied = index.get(clientKey({ issuer: client.issuer, serial }));
  return denied
    ? { revoked: true, by: "deny-list", issuer: client.issuer, entry: denied }
    : { revoked: false };
}
