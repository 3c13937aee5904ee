/**
 * The common extension values read straight from their DER with ./der.ts
 * (basic constraints, key usage, extended key usage, key identifiers,
 * general names): for a thousand certificates, @peculiar/asn1-schema's
 * object model costs more than everything else the engine does. Each reader
 * gives exactly what the schema would, and returns null for what it leaves
 * to the schema (an IP address or other name, an unusual shape), so the two
 * never disagree. Malformed DER throws, as the schema does.
 */
import { children, content, expectTag, readOid, readTlv, TAG, type Tlv } from "./der";
import { derNameToString } from "./names";
import type { GeneralNameInfo } from "./types";

const latin1 = new TextDecoder("latin1");

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL } */
export function readBasicConstraints(
  value: Uint8Array,
): { ca: boolean; pathLength?: number } | null {
  const fields = children(value, expectTag(readTlv(value, 0), TAG.SEQUENCE, "basic constraints"));
  let i = 0;
  let ca = false;
  if (fields[i]?.tag === TAG.BOOLEAN) {
    const c = content(value, fields[i++]!);
    if (c.length !== 1) return null;
    ca = c[0] !== 0;
  }
  const out: { ca: boolean; pathLength?: number } = { ca };
  if (fields[i]?.tag === TAG.INTEGER) {
    const c = content(value, fields[i++]!);
    if (c.length === 0 || c.length > 4 || c[0]! & 0x80) return null;
    let n = 0;
    for (const b of c) n = n * 256 + b;
    out.pathLength = n;
  }
  return i === fields.length ? out : null;
}

/** KeyUsage ::= BIT STRING: bit k (from the first octet's top bit) is the flag 2^k, as the schema counts. */
export function readKeyUsageFlags(value: Uint8Array): number | null {
  const c = content(value, expectTag(readTlv(value, 0), TAG.BIT_STRING, "key usage"));
  if (c.length < 2 || c[0]! > 7) return null;
  const bits = (c.length - 1) * 8 - c[0]!;
  let flags = 0;
  for (let k = 0; k < bits; k++) if (c[1 + (k >> 3)]! & (0x80 >> (k & 7))) flags += 2 ** k;
  return flags;
}

/** ExtendedKeyUsage ::= SEQUENCE OF OBJECT IDENTIFIER */
export function readOidList(value: Uint8Array): string[] {
  return children(value, expectTag(readTlv(value, 0), TAG.SEQUENCE, "a list of OIDs")).map((t) =>
    readOid(value, expectTag(t, TAG.OID, "an OID")),
  );
}

/** An OCTET STRING's bytes (SubjectKeyIdentifier). */
export function readOctets(value: Uint8Array): Uint8Array {
  return content(value, expectTag(readTlv(value, 0), TAG.OCTET_STRING, "a key identifier"));
}

/** One GeneralName of the kinds read here (email, DNS, directory, URI, registered id), else null. */
function generalName(bytes: Uint8Array, tlv: Tlv): GeneralNameInfo | null {
  switch (tlv.tag) {
    case 0x81:
      return { type: "email", value: latin1.decode(content(bytes, tlv)) };
    case 0x82:
      return { type: "DNS", value: latin1.decode(content(bytes, tlv)) };
    case 0x86:
      return { type: "URI", value: latin1.decode(content(bytes, tlv)) };
    case 0xa4: {
      const [name, extra] = children(bytes, tlv);
      if (!name || extra) return null;
      return { type: "DirName", value: derNameToString(bytes.subarray(name.start, name.end)) };
    }
    case 0x88:
      return { type: "Registered ID", value: readOid(bytes, { ...tlv, tag: TAG.OID }) };
    default:
      return null;
  }
}

/** The GeneralNames inside `tlv`, or null when one is of a kind left to the schema. */
export function readGeneralNames(bytes: Uint8Array, tlv: Tlv): GeneralNameInfo[] | null {
  const out: GeneralNameInfo[] = [];
  for (const t of children(bytes, tlv)) {
    const name = generalName(bytes, t);
    if (!name) return null;
    out.push(name);
  }
  return out;
}

/** SubjectAltName ::= GeneralNames (a SEQUENCE), or null (left to the schema). */
export function readSubjectAltNames(value: Uint8Array): GeneralNameInfo[] | null {
  return readGeneralNames(value, expectTag(readTlv(value, 0), TAG.SEQUENCE, "names"));
}

export interface AuthorityKeyIdParts {
  keyIdentifier?: Uint8Array;
  issuer?: GeneralNameInfo[];
  serial?: Uint8Array;
}

/** AuthorityKeyIdentifier ::= SEQUENCE { [0] keyIdentifier, [1] GeneralNames, [2] serial }, or null. */
export function readAuthorityKeyId(value: Uint8Array): AuthorityKeyIdParts | null {
  const out: AuthorityKeyIdParts = {};
  let last = -1;
  for (const t of children(value, expectTag(readTlv(value, 0), TAG.SEQUENCE, "an AKI"))) {
    const slot = t.tag === 0x80 ? 0 : t.tag === 0xa1 ? 1 : t.tag === 0x82 ? 2 : -1;
    if (slot <= last) return null;
    last = slot;
    if (slot === 0) out.keyIdentifier = content(value, t);
    else if (slot === 1) {
      const names = readGeneralNames(value, t);
      if (!names) return null;
      out.issuer = names;
    } else {
      const serial = content(value, t);
      if (serial.length === 0) return null;
      out.serial = serial;
    }
  }
  return out;
}
