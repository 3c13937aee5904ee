/**
 * X.509 extensions decoded to openssl's -text lines: basic constraints,
 * key usages, names, key ids, CRL distribution points, AIA, policies, name
 * constraints; unknown ones by OID.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CertificatePolicies,
  CRLDistributionPoints,
  KeyUsage,
  NameConstraints,
  SubjectAlternativeName,
  type GeneralName,
} from "@peculiar/asn1-x509";

import {
  ACCESS_METHODS,
  EXTENDED_KEY_USAGES,
  EXTENSION_NAMES,
  KEY_USAGE_NAMES,
  POLICIES,
} from "./oids";
import type { DecodedCertificate, DecodedExtension, GeneralNameInfo } from "./types";
import { toHex } from "./hex";
import { derNameToString } from "./names";
import {
  readAuthorityKeyId,
  readBasicConstraints,
  readKeyUsageFlags,
  readOctets,
  readOidList,
  readSubjectAltNames,
} from "./extension-values";

export function generalName(gn: GeneralName): GeneralNameInfo {
  if (gn.dNSName !== undefined) return { type: "DNS", value: gn.dNSName };
  if (gn.iPAddress !== undefined) return { type: "IP Address", value: gn.iPAddress };
  if (gn.rfc822Name !== undefined) return { type: "email", value: gn.rfc822Name };
  if (gn.uniformResourceIdentifier !== undefined)
    return { type: "URI", value: gn.uniformResourceIdentifier };
  if (gn.directoryName !== undefined) {
    return {
      type: "DirName",
      value: derNameToString(new Uint8Array(AsnConvert.serialize(gn.directoryName))),
    };
  }
  if (gn.registeredID !== undefined) return { type: "Registered ID", value: gn.registeredID };
  if (gn.otherName !== undefined)
    return { type: "othername", value: `${gn.otherName.typeId}::<unsupported>` };
  return { type: "other", value: "<unsupported>" };
}

/** BasicConstraints through the schema (a shape ./extension-values.ts leaves to it). */
function schemaBasicConstraints(value: Uint8Array): { ca: boolean; pathLength?: number } {
  const bc = AsnConvert.parse(value, BasicConstraints);
  return bc.pathLenConstraint !== undefined
    ? { ca: bc.cA, pathLength: bc.pathLenConstraint }
    : { ca: bc.cA };
}

export const generalNameText = (g: GeneralNameInfo) => `${g.type}:${g.value}`;

export interface ExtensionParts {
  decoded: DecodedCertificate;
  extensions: DecodedExtension[];
}

export function decodeExtension(
  oid: string,
  critical: boolean,
  value: Uint8Array,
  parts: ExtensionParts,
): void {
  const name = EXTENSION_NAMES[oid] ?? oid;
  const d = parts.decoded;
  let text: string[];
  switch (oid) {
    case "2.5.29.19": {
      const bc = readBasicConstraints(value) ?? schemaBasicConstraints(value);
      d.basicConstraints = { ca: bc.ca, critical };
      if (bc.pathLength !== undefined) d.basicConstraints.pathLength = bc.pathLength;
      text = [
        `CA:${bc.ca ? "TRUE" : "FALSE"}${bc.pathLength !== undefined ? `, pathlen:${bc.pathLength}` : ""}`,
      ];
      break;
    }
    case "2.5.29.15": {
      const flags = readKeyUsageFlags(value) ?? AsnConvert.parse(value, KeyUsage).toNumber();
      d.keyUsage = KEY_USAGE_NAMES.filter(([flag]) => (flags & flag) !== 0).map(([, n]) => n);
      text = [d.keyUsage.join(", ")];
      break;
    }
    case "2.5.29.37": {
      const eku = readOidList(value);
      d.extendedKeyUsage = eku.map((o) => EXTENDED_KEY_USAGES[o] ?? o);
      text = [d.extendedKeyUsage.join(", ")];
      break;
    }
    case "2.5.29.17": {
      d.subjectAltNames =
        readSubjectAltNames(value) ??
        AsnConvert.parse(value, SubjectAlternativeName).map(generalName);
      text = [d.subjectAltNames.map(generalNameText).join(", ")];
      break;
    }
    case "2.5.29.14": {
      d.subjectKeyId = toHex(readOctets(value), ":");
      text = [d.subjectKeyId];
      break;
    }
    case "2.5.29.35": {
      const fast = readAuthorityKeyId(value);
      if (fast) {
        text = [];
        if (fast.keyIdentifier) {
          d.authorityKeyId = toHex(fast.keyIdentifier, ":");
          text.push(d.authorityKeyId);
        }
        if (fast.issuer) text.push(...fast.issuer.map(generalNameText));
        if (fast.serial) text.push(`serial:${toHex(fast.serial, ":")}`);
        break;
      }
      const aki = AsnConvert.parse(value, AuthorityKeyIdentifier);
      text = [];
      if (aki.keyIdentifier) {
        d.authorityKeyId = toHex(aki.keyIdentifier.buffer, ":");
        text.push(d.authorityKeyId);
      }
      if (aki.authorityCertIssuer)
        text.push(...aki.authorityCertIssuer.map((g) => generalNameText(generalName(g))));
      if (aki.authorityCertSerialNumber)
        text.push(`serial:${toHex(aki.authorityCertSerialNumber, ":")}`);
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
        POLICIES[p.policyIdentifier]
          ? `${p.policyIdentifier} (${POLICIES[p.policyIdentifier]})`
          : p.policyIdentifier,
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
        ...(permitted.length
          ? ["Permitted:", ...permitted.map((g) => `  ${generalNameText(g)}`)]
          : []),
        ...(excluded.length
          ? ["Excluded:", ...excluded.map((g) => `  ${generalNameText(g)}`)]
          : []),
      ];
      break;
    }
    default: {
      const bytes = new Uint8Array(value);
      text = [
        toHex(bytes.length > 64 ? bytes.subarray(0, 64) : bytes, ":") +
          (bytes.length > 64 ? ":…" : ""),
      ];
    }
  }
  parts.extensions.push({ oid, name, critical, text });
}
