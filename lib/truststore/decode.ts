/**
 * Decoding one certificate to (at least) what `openssl x509 -text` shows.
 * The outer structure is read with ./der.ts (for speed); extension values
 * with @peculiar/x509's ASN.1 schema modules; digests with WebCrypto. Runs
 * in the browser and in Node alike.
 */
import { AsnConvert } from "@peculiar/asn1-schema";

import { RsaSaPssParams } from "@peculiar/asn1-rsa";
import {
  children,
  content,
  DerError,
  expectTag,
  readBoolean,
  readOid,
  readSmallInteger,
  readTime,
  readTlv,
  TAG,
  whole,
  type Tlv,
} from "./der";
import {
  CURVES,
  EXTENSION_NAMES,
  HASH_ALGORITHMS,
  KEY_ALGORITHMS,
  SIGNATURE_ALGORITHMS,
} from "./oids";
import type { DecodedCertificate, PublicKeyInfo, SignatureAlgorithmInfo } from "./types";

import { decodeExtension, type ExtensionParts } from "./extensions";
import { toHex } from "./hex";
import { digestHex } from "./node-crypto";
import { toBase64 } from "./base64";
import { nameAttributes, nameKey, nameToString } from "./names";

export interface ParsedCertificate {
  decoded: DecodedCertificate;
  der: Uint8Array;
  /** The signed part, for signature verification. */
  tbs: Uint8Array;
  signatureValue: Uint8Array;
  /** DER of the signature algorithm's parameters (RSA-PSS), when present. */
  signatureParameters?: Uint8Array;
  /** DER of the SubjectPublicKeyInfo, for WebCrypto importKey("spki"). */
  spki: Uint8Array;
  /** Canonical forms for name and key chaining. */
  subjectKey: string;
  issuerKey: string;
}

function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

function bytesToNumber(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

function decodePublicKey(bytes: Uint8Array, spki: Tlv): PublicKeyInfo {
  const [algorithmId, keyBits] = children(bytes, expectTag(spki, TAG.SEQUENCE, "a public key"));
  const [oidTlv, params] = children(bytes, expectTag(algorithmId, TAG.SEQUENCE, "a key algorithm"));
  const oid = readOid(bytes, expectTag(oidTlv, TAG.OID, "a key algorithm"));
  const key = content(bytes, expectTag(keyBits, TAG.BIT_STRING, "the public key bits")).subarray(1);
  const algorithm = KEY_ALGORITHMS[oid] ?? oid;
  const info: PublicKeyInfo = { algorithm, algorithmOid: oid };
  if (algorithm === "RSA" || algorithm === "RSA-PSS") {
    const [modulus, exponent] = children(
      key,
      expectTag(readTlv(key, 0), TAG.SEQUENCE, "an RSA key"),
    );
    info.bits = bitLength(content(key, expectTag(modulus, TAG.INTEGER, "an RSA modulus")));
    info.exponent = bytesToNumber(
      content(key, expectTag(exponent, TAG.INTEGER, "an RSA exponent")),
    );
  } else if (algorithm === "EC") {
    if (params?.tag === TAG.OID) {
      const curveOid = readOid(bytes, params);
      const curve = CURVES[curveOid];
      info.curveOid = curveOid;
      info.curve = curve?.name ?? curveOid;
      if (curve) info.bits = curve.bits;
    } else {
      info.curve = "explicit parameters";
    }
  } else if (algorithm === "Ed25519") {
    info.bits = 256;
  } else if (algorithm === "Ed448") {
    info.bits = 456;
  }
  return info;
}

function decodeSignatureAlgorithm(oid: string, parameters?: Uint8Array): SignatureAlgorithmInfo {
  const def = SIGNATURE_ALGORITHMS[oid];
  if (!def) return { name: oid, oid, scheme: "unknown" };
  const info: SignatureAlgorithmInfo = { name: def.name, oid, scheme: def.scheme };
  if (def.hash) info.hash = def.hash;
  if (def.scheme === "RSA-PSS") {
    // RSASSA-PSS-params: the hash defaults to SHA-1 when absent.
    let hash: string | undefined = "SHA-1";
    if (parameters && parameters.byteLength > 0) {
      try {
        const pss = AsnConvert.parse(parameters, RsaSaPssParams);
        hash = HASH_ALGORITHMS[pss.hashAlgorithm.algorithm] ?? pss.hashAlgorithm.algorithm;
      } catch {
        hash = undefined;
      }
    }
    if (hash) info.hash = hash;
  }
  return info;
}

function toPem(der: Uint8Array, lines?: readonly string[]): string {
  // The lines as read when they are already openssl's form; else lines of
  // 64 made in one replace (one flat string, not a chain of pieces).
  const body =
    lines && opensslForm(der, lines)
      ? `${lines.join("\n")}\n`
      : toBase64(der).replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
}

/**
 * Whether base64 lines (already decoded strictly into `der`) are exactly
 * what encoding `der` gives, in lines of 64: every line but the last 64
 * long, and a padded end without stray bits (which strict decoding allows).
 */
function opensslForm(der: Uint8Array, lines: readonly string[]): boolean {
  const last = lines.length - 1;
  for (let i = 0; i < last; i++) if (lines[i]!.length !== 64) return false;
  const end = lines[last];
  if (!end || end.length > 64 || end.length % 4 !== 0) return false;
  if (!end.endsWith("=")) return true;
  const tail = der.length % 3;
  return toBase64(der.subarray(der.length - tail)) === end.slice(-4);
}

function serialHex(serial: Uint8Array): string {
  let start = 0;
  while (start < serial.length - 1 && serial[start] === 0) start++;
  return toHex(serial.subarray(start));
}

function algorithmIdentifier(
  bytes: Uint8Array,
  tlv: Tlv | undefined,
): { oid: string; parameters?: Uint8Array } {
  const [oid, params] = children(bytes, expectTag(tlv, TAG.SEQUENCE, "an algorithm identifier"));
  const out: { oid: string; parameters?: Uint8Array } = {
    oid: readOid(bytes, expectTag(oid, TAG.OID, "an algorithm")),
  };
  if (params && params.tag !== TAG.NULL) out.parameters = whole(bytes, params);
  return out;
}

/**
 * Parses DER into the decoded view plus what validation needs. Throws on
 * bytes that are not an X.509 certificate (callers turn that into the
 * `x509-syntax` finding).
 */
export async function parseCertificate(
  der: Uint8Array,
  index: number,
  line: number,
  /** The base64 lines it was read from, if any. */
  lines?: readonly string[],
): Promise<ParsedCertificate> {
  const outer = expectTag(readTlv(der, 0), TAG.SEQUENCE, "a certificate");
  if (outer.end !== der.length) throw new DerError("bytes after the certificate");
  const [tbsTlv, signatureAlgorithmTlv, signatureTlv, extra] = children(der, outer);
  if (extra) throw new DerError("too many certificate fields");
  const tbsFields = children(der, expectTag(tbsTlv, TAG.SEQUENCE, "the to-be-signed certificate"));
  let k = 0;
  let version = 1;
  if (tbsFields[0]?.tag === 0xa0) {
    version =
      readSmallInteger(der, expectTag(children(der, tbsFields[0])[0], TAG.INTEGER, "a version")) +
      1;
    k++;
  }
  const serial = content(der, expectTag(tbsFields[k++], TAG.INTEGER, "a serial number"));
  algorithmIdentifier(der, tbsFields[k++]);
  const issuerRdns = nameAttributes(der, expectTag(tbsFields[k++], TAG.SEQUENCE, "an issuer name"));
  const [notBeforeTlv, notAfterTlv] = children(
    der,
    expectTag(tbsFields[k++], TAG.SEQUENCE, "a validity period"),
  );
  if (!notBeforeTlv || !notAfterTlv) throw new DerError("incomplete validity");
  const notBefore = readTime(der, notBeforeTlv);
  const notAfter = readTime(der, notAfterTlv);
  const subjectRdns = nameAttributes(
    der,
    expectTag(tbsFields[k++], TAG.SEQUENCE, "a subject name"),
  );
  const spkiTlv = expectTag(tbsFields[k++], TAG.SEQUENCE, "a public key");
  const spki = whole(der, spkiTlv);
  const publicKey = decodePublicKey(der, spkiTlv);
  const extensionList: { oid: string; critical: boolean; value: Uint8Array }[] = [];
  for (; k < tbsFields.length; k++) {
    const field = tbsFields[k]!;
    if (field.tag === 0x81 || field.tag === 0x82) continue; // unique identifiers
    if (field.tag !== 0xa3) throw new DerError("unexpected field in the certificate");
    const list = expectTag(children(der, field)[0], TAG.SEQUENCE, "extensions");
    for (const ext of children(der, list)) {
      const parts = children(der, expectTag(ext, TAG.SEQUENCE, "an extension"));
      const oid = readOid(der, expectTag(parts[0], TAG.OID, "an extension id"));
      const critical = parts[1]?.tag === TAG.BOOLEAN ? readBoolean(der, parts[1]) : false;
      const value = expectTag(parts[parts.length - 1], TAG.OCTET_STRING, "an extension value");
      extensionList.push({ oid, critical, value: content(der, value) });
    }
  }
  const signatureAlgorithm = algorithmIdentifier(der, signatureAlgorithmTlv);
  const signatureValue = content(
    der,
    expectTag(signatureTlv, TAG.BIT_STRING, "a signature"),
  ).subarray(1);

  const subjectKey = nameKey(subjectRdns);
  const issuerKey = nameKey(issuerRdns);
  const [fingerprintSha1, fingerprintSha256, publicKeySha256] = await Promise.all([
    digestHex("SHA-1", der),
    digestHex("SHA-256", der),
    digestHex("SHA-256", spki),
  ]);

  const decoded: DecodedCertificate = {
    index,
    line,
    version,
    serialNumber: serialHex(serial),
    signatureAlgorithm: decodeSignatureAlgorithm(
      signatureAlgorithm.oid,
      signatureAlgorithm.parameters,
    ),
    subject: nameToString(subjectRdns),
    issuer: nameToString(issuerRdns),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    publicKey,
    extensions: [],
    fingerprintSha1,
    fingerprintSha256,
    publicKeySha256,
    pem: toPem(der, lines),
    selfIssued: subjectKey === issuerKey,
    isCA: false,
  };
  const parts: ExtensionParts = { decoded, extensions: decoded.extensions };
  for (const ext of extensionList) {
    try {
      decodeExtension(ext.oid, ext.critical, ext.value, parts);
    } catch {
      decoded.extensions.push({
        oid: ext.oid,
        name: EXTENSION_NAMES[ext.oid] ?? ext.oid,
        critical: ext.critical,
        text: ["<malformed extension>"],
      });
    }
  }
  decoded.isCA = decoded.basicConstraints?.ca === true;
  const result: ParsedCertificate = {
    decoded,
    der,
    tbs: whole(der, tbsTlv!),
    signatureValue,
    spki,
    subjectKey,
    issuerKey,
  };
  if (signatureAlgorithm.parameters) result.signatureParameters = signatureAlgorithm.parameters;
  return result;
}
