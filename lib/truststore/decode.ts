/**
 * Decoding one certificate to (at least) what `openssl x509 -text` shows.
 * Built on @peculiar/x509's ASN.1 schema modules and WebCrypto only, so it
 * runs in the browser and in Node alike.
 */
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CertificatePolicies,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  KeyUsage,
  Name,
  NameConstraints,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  type GeneralName,
  type SubjectPublicKeyInfo,
} from "@peculiar/asn1-x509";
import { ECParameters } from "@peculiar/asn1-ecc";
import { RSAPublicKey, RsaSaPssParams } from "@peculiar/asn1-rsa";
import {
  ACCESS_METHODS,
  CURVES,
  EXTENDED_KEY_USAGES,
  EXTENSION_NAMES,
  HASH_ALGORITHMS,
  KEY_ALGORITHMS,
  KEY_USAGE_NAMES,
  NAME_ATTRIBUTES,
  POLICIES,
  SIGNATURE_ALGORITHMS,
} from "./oids";
import type {
  DecodedCertificate,
  DecodedExtension,
  GeneralNameInfo,
  PublicKeyInfo,
  SignatureAlgorithmInfo,
} from "./types";

/** Limits for untrusted DER: a certificate is small and shallow. */
const BER_OPTIONS = { berOptions: { maxDepth: 64, maxNodes: 20_000, maxContentLength: 1_000_000 } };

export interface ParsedCertificate {
  decoded: DecodedCertificate;
  der: Uint8Array;
  /** The signed part, for signature verification. */
  tbs: Uint8Array;
  signatureValue: Uint8Array;
  /** Parameters of the signature algorithm (RSA-PSS). */
  signatureParameters?: ArrayBuffer | null;
  /** DER of the SubjectPublicKeyInfo, for WebCrypto importKey("spki"). */
  spki: Uint8Array;
  /** Canonical forms for name and key chaining. */
  subjectKey: string;
  issuerKey: string;
}

export function toHex(data: ArrayBuffer | Uint8Array, separator = ""): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0 && separator) out += separator;
    out += bytes[i]!.toString(16).padStart(2, "0").toUpperCase();
  }
  return out;
}

function escapeDnValue(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, "\\$1")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ")
    .replace(/[\u0000-\u001f]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
}

/** `CN=Root CA, O=Example`: RDNs in the order the certificate encodes them. */
export function nameToString(name: Name): string {
  return name
    .map((rdn) =>
      rdn
        .map((attribute) => {
          const type = NAME_ATTRIBUTES[attribute.type] ?? attribute.type;
          const value = attribute.value.anyValue
            ? `#${toHex(attribute.value.anyValue)}`
            : escapeDnValue(attribute.value.toString());
          return `${type}=${value}`;
        })
        .join(" + "),
    )
    .join(", ");
}

/**
 * RFC 5280 name comparison, simplified the way most verifiers do it: types
 * and values compared case-insensitively with inner white space folded.
 */
function nameKey(name: Name): string {
  return name
    .map((rdn) =>
      rdn
        .map((a) => `${a.type}=${(a.value.anyValue ? toHex(a.value.anyValue) : a.value.toString()).trim().replace(/\s+/g, " ").toLowerCase()}`)
        .sort()
        .join("+"),
    )
    .join(",");
}

function generalName(gn: GeneralName): GeneralNameInfo {
  if (gn.dNSName !== undefined) return { type: "DNS", value: gn.dNSName };
  if (gn.iPAddress !== undefined) return { type: "IP Address", value: gn.iPAddress };
  if (gn.rfc822Name !== undefined) return { type: "email", value: gn.rfc822Name };
  if (gn.uniformResourceIdentifier !== undefined) return { type: "URI", value: gn.uniformResourceIdentifier };
  if (gn.directoryName !== undefined) return { type: "DirName", value: nameToString(gn.directoryName) };
  if (gn.registeredID !== undefined) return { type: "Registered ID", value: gn.registeredID };
  if (gn.otherName !== undefined) return { type: "othername", value: `${gn.otherName.typeId}::<unsupported>` };
  return { type: "other", value: "<unsupported>" };
}

const generalNameText = (g: GeneralNameInfo) => `${g.type}:${g.value}`;

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

export function decodePublicKey(spki: SubjectPublicKeyInfo): PublicKeyInfo {
  const oid = spki.algorithm.algorithm;
  const algorithm = KEY_ALGORITHMS[oid] ?? oid;
  const info: PublicKeyInfo = { algorithm, algorithmOid: oid };
  if (algorithm === "RSA" || algorithm === "RSA-PSS") {
    const rsa = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
    info.bits = bitLength(new Uint8Array(rsa.modulus));
    info.exponent = bytesToNumber(new Uint8Array(rsa.publicExponent));
  } else if (algorithm === "EC" && spki.algorithm.parameters) {
    const params = AsnConvert.parse(spki.algorithm.parameters, ECParameters);
    if (params.namedCurve) {
      const curve = CURVES[params.namedCurve];
      info.curveOid = params.namedCurve;
      info.curve = curve?.name ?? params.namedCurve;
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

export function describePublicKey(key: PublicKeyInfo): string {
  if (key.algorithm === "RSA" || key.algorithm === "RSA-PSS") return `${key.algorithm} ${key.bits ?? "?"} bits`;
  if (key.algorithm === "EC") return `EC ${key.curve ?? "unknown curve"}`;
  return key.algorithm;
}

function decodeSignatureAlgorithm(oid: string, parameters?: ArrayBuffer | null): SignatureAlgorithmInfo {
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

interface ExtensionParts {
  decoded: DecodedCertificate;
  extensions: DecodedExtension[];
}

function decodeExtension(oid: string, critical: boolean, value: ArrayBuffer, parts: ExtensionParts): void {
  const name = EXTENSION_NAMES[oid] ?? oid;
  const d = parts.decoded;
  let text: string[];
  switch (oid) {
    case "2.5.29.19": {
      const bc = AsnConvert.parse(value, BasicConstraints);
      d.basicConstraints = { ca: bc.cA, critical };
      if (bc.pathLenConstraint !== undefined) d.basicConstraints.pathLength = bc.pathLenConstraint;
      text = [`CA:${bc.cA ? "TRUE" : "FALSE"}${bc.pathLenConstraint !== undefined ? `, pathlen:${bc.pathLenConstraint}` : ""}`];
      break;
    }
    case "2.5.29.15": {
      const flags = AsnConvert.parse(value, KeyUsage).toNumber();
      d.keyUsage = KEY_USAGE_NAMES.filter(([flag]) => (flags & flag) !== 0).map(([, n]) => n);
      text = [d.keyUsage.join(", ")];
      break;
    }
    case "2.5.29.37": {
      const eku = AsnConvert.parse(value, ExtendedKeyUsage);
      d.extendedKeyUsage = eku.map((o) => EXTENDED_KEY_USAGES[o] ?? o);
      text = [d.extendedKeyUsage.join(", ")];
      break;
    }
    case "2.5.29.17": {
      d.subjectAltNames = AsnConvert.parse(value, SubjectAlternativeName).map(generalName);
      text = [d.subjectAltNames.map(generalNameText).join(", ")];
      break;
    }
    case "2.5.29.14": {
      d.subjectKeyId = toHex(AsnConvert.parse(value, SubjectKeyIdentifier).buffer, ":");
      text = [d.subjectKeyId];
      break;
    }
    case "2.5.29.35": {
      const aki = AsnConvert.parse(value, AuthorityKeyIdentifier);
      text = [];
      if (aki.keyIdentifier) {
        d.authorityKeyId = toHex(aki.keyIdentifier.buffer, ":");
        text.push(d.authorityKeyId);
      }
      if (aki.authorityCertIssuer) text.push(...aki.authorityCertIssuer.map((g) => generalNameText(generalName(g))));
      if (aki.authorityCertSerialNumber) text.push(`serial:${toHex(aki.authorityCertSerialNumber, ":")}`);
      break;
    }
    case "2.5.29.31": {
      const points = AsnConvert.parse(value, CRLDistributionPoints);
      d.crlDistributionPoints = points.flatMap((p) =>
        (p.distributionPoint?.fullName ?? []).map((g) => generalNameText(generalName(g))),
      );
      text = d.crlDistributionPoints.map((p) => `Full Name: ${p}`);
      break;
    }
    case "1.3.6.1.5.5.7.1.1": {
      const aia = AsnConvert.parse(value, AuthorityInfoAccessSyntax);
      d.authorityInfoAccess = aia.map((a) => ({
        method: ACCESS_METHODS[a.accessMethod] ?? a.accessMethod,
        location: generalNameText(generalName(a.accessLocation)),
      }));
      text = d.authorityInfoAccess.map((a) => `${a.method} - ${a.location}`);
      break;
    }
    case "2.5.29.32": {
      const policies = AsnConvert.parse(value, CertificatePolicies);
      d.certificatePolicies = policies.map((p) =>
        POLICIES[p.policyIdentifier] ? `${p.policyIdentifier} (${POLICIES[p.policyIdentifier]})` : p.policyIdentifier,
      );
      text = d.certificatePolicies.map((p) => `Policy: ${p}`);
      break;
    }
    case "2.5.29.30": {
      const nc = AsnConvert.parse(value, NameConstraints);
      const permitted = (nc.permittedSubtrees ?? []).map((s) => generalName(s.base));
      const excluded = (nc.excludedSubtrees ?? []).map((s) => generalName(s.base));
      d.nameConstraints = { permitted, excluded };
      text = [
        ...(permitted.length ? ["Permitted:", ...permitted.map((g) => `  ${generalNameText(g)}`)] : []),
        ...(excluded.length ? ["Excluded:", ...excluded.map((g) => `  ${generalNameText(g)}`)] : []),
      ];
      break;
    }
    default: {
      const bytes = new Uint8Array(value);
      text = [toHex(bytes.length > 64 ? bytes.subarray(0, 64) : bytes, ":") + (bytes.length > 64 ? ":…" : "")];
    }
  }
  parts.extensions.push({ oid, name, critical, text });
}

async function digestHex(algorithm: "SHA-1" | "SHA-256", data: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest(algorithm, data as Uint8Array<ArrayBuffer>), ":");
}

function toPem(der: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < der.length; i += 0x8000) {
    binary += String.fromCharCode(...der.subarray(i, i + 0x8000));
  }
  const base64 = btoa(binary);
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

function serialHex(serial: ArrayBuffer): string {
  const bytes = new Uint8Array(serial);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return toHex(bytes.subarray(start));
}

/**
 * Parses DER into the decoded view plus what validation needs. Throws on
 * bytes that are not an X.509 certificate (callers turn that into the
 * `x509-syntax` finding).
 */
export async function parseCertificate(der: Uint8Array, index: number, line: number): Promise<ParsedCertificate> {
  const cert = AsnConvert.parse(der, Certificate, BER_OPTIONS);
  const tbs = cert.tbsCertificate;
  if (!cert.tbsCertificateRaw) throw new Error("certificate without a to-be-signed part");
  const spki = new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo));
  const subject = nameToString(tbs.subject);
  const issuer = nameToString(tbs.issuer);
  const subjectKey = nameKey(tbs.subject);
  const issuerKey = nameKey(tbs.issuer);
  const notBefore = tbs.validity.notBefore.getTime();
  const notAfter = tbs.validity.notAfter.getTime();
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) throw new Error("invalid validity dates");
  const [fingerprintSha1, fingerprintSha256, publicKeySha256] = await Promise.all([
    digestHex("SHA-1", der),
    digestHex("SHA-256", der),
    digestHex("SHA-256", spki),
  ]);

  const decoded: DecodedCertificate = {
    index,
    line,
    version: tbs.version + 1,
    serialNumber: serialHex(tbs.serialNumber),
    signatureAlgorithm: decodeSignatureAlgorithm(cert.signatureAlgorithm.algorithm, cert.signatureAlgorithm.parameters),
    subject,
    issuer,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    publicKey: decodePublicKey(tbs.subjectPublicKeyInfo),
    extensions: [],
    fingerprintSha1,
    fingerprintSha256,
    publicKeySha256,
    pem: toPem(der),
    selfIssued: subjectKey === issuerKey,
    isCA: false,
  };
  const parts: ExtensionParts = { decoded, extensions: decoded.extensions };
  for (const ext of tbs.extensions ?? []) {
    const value = (ext.extnValue as OctetString).buffer;
    try {
      decodeExtension(ext.extnID, ext.critical, value, parts);
    } catch {
      decoded.extensions.push({
        oid: ext.extnID,
        name: EXTENSION_NAMES[ext.extnID] ?? ext.extnID,
        critical: ext.critical,
        text: ["<malformed extension>"],
      });
    }
  }
  decoded.isCA = decoded.basicConstraints?.ca === true;
  return {
    decoded,
    der,
    tbs: new Uint8Array(cert.tbsCertificateRaw),
    signatureValue: new Uint8Array(cert.signatureValue),
    signatureParameters: cert.signatureAlgorithm.parameters,
    spki,
    subjectKey,
    issuerKey,
  };
}
