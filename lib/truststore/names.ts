/**
 * Distinguished names as openssl prints them (RFC 4514 order reversed,
 * escaped values), and a canonical key for matching issuer to subject.
 */

import {
  children,
  DerError,
  expectTag,
  readOid,
  readString,
  readTlv,
  TAG,
  whole,
  type Tlv,
} from "./der";
import { NAME_ATTRIBUTES } from "./oids";

import { toHex } from "./hex";

/** Anything escapeDnValue changes: most values have none, and are returned as they are. */
const NEEDS_ESCAPE = /[,+"\\<>;\u0000-\u001f]|^[ #]| $/;

export function escapeDnValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(/([,+"\\<>;])/g, "\\$1")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ")
    .replace(
      /[\u0000-\u001f]/g,
      (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`,
    );
}

export interface NameAttribute {
  type: string;
  /** The text, or undefined for a value that is not a string type. */
  text?: string;
  raw: Uint8Array;
}

export function nameAttributes(bytes: Uint8Array, name: Tlv): NameAttribute[][] {
  expectTag(name, TAG.SEQUENCE, "a name");
  return children(bytes, name).map((rdn) =>
    children(bytes, expectTag(rdn, TAG.SET, "a relative distinguished name")).map((atv) => {
      const [type, value] = children(bytes, expectTag(atv, TAG.SEQUENCE, "an attribute"));
      const attribute: NameAttribute = {
        type: readOid(bytes, expectTag(type, TAG.OID, "an attribute type")),
        raw: whole(bytes, value ?? atv),
      };
      if (!value) throw new DerError("attribute without a value");
      const text = readString(bytes, value);
      if (text !== undefined) attribute.text = text;
      return attribute;
    }),
  );
}

/** `CN=Root CA, O=Example`: RDNs in the order the certificate encodes them. */
export function nameToString(rdns: NameAttribute[][]): string {
  return rdns
    .map((rdn) =>
      rdn
        .map(
          (a) =>
            `${NAME_ATTRIBUTES[a.type] ?? a.type}=${a.text === undefined ? `#${toHex(a.raw)}` : escapeDnValue(a.text)}`,
        )
        .join(" + "),
    )
    .join(", ");
}

/**
 * RFC 5280 name comparison, simplified the way most verifiers do it: types
 * and values compared case-insensitively with inner white space folded.
 */
export function nameKey(rdns: NameAttribute[][]): string {
  return rdns
    .map((rdn) =>
      rdn
        .map(
          (a) => `${a.type}=${(a.text ?? toHex(a.raw)).trim().replace(/\s+/g, " ").toLowerCase()}`,
        )
        .sort()
        .join("+"),
    )
    .join(",");
}

/** A name given as DER (e.g. a directoryName inside an extension). */
export function derNameToString(der: Uint8Array): string {
  return nameToString(nameAttributes(der, readTlv(der, 0)));
}
