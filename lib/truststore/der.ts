/**
 * A minimal, strict DER reader for the skeleton of a certificate.
 *
 * Why not asn1js for everything: parsing 1,000 certificates through asn1js
 * alone takes about twice as long as Node's native X509Certificate parse
 * plus signature verification, which puts the engine's speed target out of
 * reach. The fixed outer structure (TBS, names, validity, key, extension
 * list) is read here, and the common extension values too
 * (./extension-values.ts); the rest with @peculiar/asn1-x509's schemas.
 */

export class DerError extends Error {}

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
} as const;

export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new DerError("truncated");
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError("high tag numbers are not used in certificates");
  let length = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError("indefinite or oversized length");
    if (contentStart + count > limit) throw new DerError("truncated length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError("content runs past its container");
  return { tag, start: offset, contentStart, end };
}

/** The TLVs directly inside a constructed TLV. */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(bytes, offset, parent.end);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv || tlv.tag !== tag) throw new DerError(`expected ${what}`);
  return tlv;
}

export const content = (bytes: Uint8Array, tlv: Tlv) => bytes.subarray(tlv.contentStart, tlv.end);
export const whole = (bytes: Uint8Array, tlv: Tlv) => bytes.subarray(tlv.start, tlv.end);

export function readOid(bytes: Uint8Array, tlv: Tlv): string {
  const c = content(bytes, tlv);
  if (c.length === 0) throw new DerError("empty OID");
  const parts: number[] = [];
  let value = 0;
  for (let i = 0; i < c.length; i++) {
    value = value * 128 + (c[i]! & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError("OID arc too large");
    if (!(c[i]! & 0x80)) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else {
        parts.push(value);
      }
      value = 0;
    }
  }
  if (c[c.length - 1]! & 0x80) throw new DerError("OID ends mid-arc");
  return parts.join(".");
}

export function readSmallInteger(bytes: Uint8Array, tlv: Tlv): number {
  const c = content(bytes, tlv);
  if (c.length === 0 || c.length > 6) throw new DerError("integer out of range");
  let n = c[0]! & 0x80 ? -1 : 0;
  for (const b of c) n = n * 256 + b;
  return n;
}

export function readBoolean(bytes: Uint8Array, tlv: Tlv): boolean {
  return content(bytes, tlv)[0] !== 0;
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** Text of the directory string types; undefined for other tags. */
export function readString(bytes: Uint8Array, tlv: Tlv): string | undefined {
  const c = content(bytes, tlv);
  switch (tlv.tag) {
    case 0x0c: // UTF8String
      return utf8.decode(c);
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x1a: // VisibleString
    case 0x14: // TeletexString, read as Latin-1 like most tools
      return latin1.decode(c);
    case 0x1e: {
      // BMPString: UTF-16BE
      let s = "";
      for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
      return s;
    }
    case 0x1c: {
      // UniversalString: UTF-32BE
      let s = "";
      for (let i = 0; i + 3 < c.length; i += 4) {
        const cp = ((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0;
        s += cp <= 0x10ffff ? String.fromCodePoint(cp) : "\ufffd";
      }
      return s;
    }
    default:
      return undefined;
  }
}

const digits = (s: string, from: number, n: number) => {
  const part = s.slice(from, from + n);
  if (!/^\d+$/.test(part) || part.length !== n) throw new DerError("bad time");
  return Number(part);
};

/** UTCTime (YYMMDDHHMMSSZ, years 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSSZ). */
export function readTime(bytes: Uint8Array, tlv: Tlv): Date {
  const s = latin1.decode(content(bytes, tlv));
  let year: number;
  let rest: number;
  if (tlv.tag === TAG.UTC_TIME) {
    const yy = digits(s, 0, 2);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    rest = 2;
  } else if (tlv.tag === TAG.GENERALIZED_TIME) {
    year = digits(s, 0, 4);
    rest = 4;
  } else {
    throw new DerError("expected a time");
  }
  const month = digits(s, rest, 2);
  const day = digits(s, rest + 2, 2);
  const hour = digits(s, rest + 4, 2);
  const minute = digits(s, rest + 6, 2);
  const second = s.length > rest + 8 && /\d/.test(s[rest + 8]!) ? digits(s, rest + 8, 2) : 0;
  if (!s.endsWith("Z")) throw new DerError("times must be in UTC");
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    throw new DerError("bad time");
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}
