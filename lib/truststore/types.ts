/**
 * Types shared by every part of the truststore engine. The rule ids are the
 * ones of docs/truststore-rules.md: a finding means the same thing in the
 * CLI, the upload form, the server and the emulator's truststoreWarnings.
 */

export const FILE_RULES = [
  "empty",
  "pem-syntax",
  "private-key",
  "not-a-certificate",
  "x509-syntax",
  "too-large",
] as const;

export const CERTIFICATE_RULES = [
  "signature",
  "expired",
  "not-yet-valid",
  "issuer-missing",
  "issuer-not-ca",
  "chain-length",
  "weak-hash",
  "weak-key",
  "unsupported-algorithm",
  "duplicate",
  "expiring-soon",
] as const;

export type FileRule = (typeof FILE_RULES)[number];
export type CertificateRule = (typeof CERTIFICATE_RULES)[number];
export type RuleId = FileRule | CertificateRule;

export type Severity = "error" | "warning" | "info";

export const RULE_SEVERITY: Record<RuleId, Severity> = {
  empty: "error",
  "pem-syntax": "error",
  "private-key": "error",
  "not-a-certificate": "error",
  "x509-syntax": "error",
  "too-large": "error",
  signature: "warning",
  expired: "warning",
  "not-yet-valid": "warning",
  "issuer-missing": "warning",
  "issuer-not-ca": "warning",
  "chain-length": "warning",
  "weak-hash": "warning",
  "weak-key": "warning",
  "unsupported-algorithm": "warning",
  duplicate: "warning",
  "expiring-soon": "info",
};

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Index of the certificate in the bundle; absent for file-level findings. */
  certificate?: number;
  /** 1-based line of the PEM block the finding is about, when known. */
  line?: number;
  message: string;
}

/** API Gateway's truststore quota. */
export const MAX_TRUSTSTORE_BYTES = 1_000_000;
export const MAX_TRUSTSTORE_CERTIFICATES = 1_000;
/** A root and up to three intermediates. */
export const MAX_CHAIN_LENGTH = 4;
export const DEFAULT_EXPIRING_DAYS = 30;

export interface PublicKeyInfo {
  /** "RSA", "EC", "Ed25519", "Ed448", "DSA", "RSA-PSS" or the OID when unknown. */
  algorithm: string;
  algorithmOid: string;
  /** RSA modulus size or EC field size, in bits, when known. */
  bits?: number;
  /** NIST name when there is one (P-256), else the SEC name (secp256k1) or the OID. */
  curve?: string;
  curveOid?: string;
  /** RSA public exponent, decimal. */
  exponent?: number;
}

export interface SignatureAlgorithmInfo {
  /** e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA384", as openssl names them. */
  name: string;
  oid: string;
  /** "RSASSA-PKCS1-v1_5", "RSA-PSS", "ECDSA", "Ed25519", "DSA", … */
  scheme: string;
  /** "SHA-256" etc., "MD5", or undefined for schemes without a separate hash. */
  hash?: string;
}

export interface GeneralNameInfo {
  /** openssl's label: DNS, IP Address, email, URI, DirName, othername, Registered ID. */
  type: string;
  value: string;
}

export interface DecodedExtension {
  oid: string;
  name: string;
  critical: boolean;
  /** Human text, one line per item, as openssl prints it. */
  text: string[];
}

export interface DecodedCertificate {
  index: number;
  /** 1-based line of the BEGIN line in the source. */
  line: number;
  /** 1, 2 or 3 (openssl prints "Version: 3 (0x2)"). */
  version: number;
  /** Colon-free lowercase hex, as `openssl x509 -serial` prints it (upper-cased there). */
  serialNumber: string;
  signatureAlgorithm: SignatureAlgorithmInfo;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  publicKey: PublicKeyInfo;
  basicConstraints?: { ca: boolean; pathLength?: number; critical: boolean };
  keyUsage?: string[];
  extendedKeyUsage?: string[];
  subjectAltNames?: GeneralNameInfo[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  crlDistributionPoints?: string[];
  authorityInfoAccess?: { method: string; location: string }[];
  certificatePolicies?: string[];
  nameConstraints?: { permitted: GeneralNameInfo[]; excluded: GeneralNameInfo[] };
  extensions: DecodedExtension[];
  fingerprintSha1: string;
  fingerprintSha256: string;
  /** SHA-256 of the SubjectPublicKeyInfo: equal for a renewed certificate that kept its key. */
  publicKeySha256: string;
  pem: string;
  /** Subject equals issuer (by name). */
  selfIssued: boolean;
  /** basicConstraints CA:TRUE. */
  isCA: boolean;
}

export interface CertificateReport extends DecodedCertificate {
  /** Self-issued and its own key verifies its signature. */
  selfSigned: boolean;
  /** Indexes from this certificate up to its root (itself first). */
  path: number[];
  /** The path ends at a self-issued certificate of the bundle. */
  pathComplete: boolean;
  /** Index of the earlier identical copy, for duplicates. */
  duplicateOf?: number;
}

export type Verdict = "ok" | "warnings" | "error";

export interface TruststoreReport {
  verdict: Verdict;
  evaluatedAt: string;
  expiringDays: number;
  byteLength: number;
  certificates: CertificateReport[];
  findings: Finding[];
}

export interface CheckOptions {
  /** Evaluation time; default now. */
  at?: Date;
  /** Window for `expiring-soon`, in days; default 30. */
  expiringDays?: number;
}
