/**
 * Object identifiers the engine names, with the names openssl prints for
 * them, so that our decoded view reads like `openssl x509 -text`.
 */

export interface SignatureAlgorithmDef {
  name: string;
  scheme: "RSASSA-PKCS1-v1_5" | "RSA-PSS" | "ECDSA" | "Ed25519" | "Ed448" | "DSA";
  hash?: "MD2" | "MD4" | "MD5" | "SHA-1" | "SHA-224" | "SHA-256" | "SHA-384" | "SHA-512";
}

export const SIGNATURE_ALGORITHMS: Record<string, SignatureAlgorithmDef> = {
  "1.2.840.113549.1.1.2": {
    name: "md2WithRSAEncryption",
    scheme: "RSASSA-PKCS1-v1_5",
    hash: "MD2",
  },
  "1.2.840.113549.1.1.3": {
    name: "md4WithRSAEncryption",
    scheme: "RSASSA-PKCS1-v1_5",
    hash: "MD4",
  },
  "1.2.840.113549.1.1.4": {
    name: "md5WithRSAEncryption",
    scheme: "RSASSA-PKCS1-v1_5",
    hash: "MD5",
  },
  "1.2.840.113549.1.1.5": {
    name: "sha1WithRSAEncryption",
    scheme: "RSASSA-PKCS1-v1_5",
    hash: "SHA-1",
  },
  "1.2.840.113549.1.1.14": {
    name: "sha224WithRSAEncryption",
    scheme: "RSASSA-PKCS1-v1_5",
    hash: "SHA-224",
  },
  "1.2.840.113549.1.1.11": {
    name: "sha256WithRSAEncryption",
    scheme: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
  },
  "1.2.840.113549.1.1.12": {
    name: "sha384WithRSAEncryption",
    scheme: "RSASSA-PKCS1-v1_5",
    hash: "SHA-384",
  },
  "1.2.840.113549.1.1.13": {
    name: "sha512WithRSAEncryption",
    scheme: "RSASSA-PKCS1-v1_5",
    hash: "SHA-512",
  },
  "1.2.840.113549.1.1.10": { name: "rsassaPss", scheme: "RSA-PSS" },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", scheme: "ECDSA", hash: "SHA-1" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", scheme: "ECDSA", hash: "SHA-224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", scheme: "ECDSA", hash: "SHA-256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", scheme: "ECDSA", hash: "SHA-384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", scheme: "ECDSA", hash: "SHA-512" },
  "1.3.101.112": { name: "ED25519", scheme: "Ed25519" },
  "1.3.101.113": { name: "ED448", scheme: "Ed448" },
  "1.2.840.10040.4.3": { name: "dsa_with_SHA1", scheme: "DSA", hash: "SHA-1" },
  "2.16.840.1.101.3.4.3.1": { name: "dsa_with_SHA224", scheme: "DSA", hash: "SHA-224" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa_with_SHA256", scheme: "DSA", hash: "SHA-256" },
};

export const HASH_ALGORITHMS: Record<string, SignatureAlgorithmDef["hash"]> = {
  "1.3.14.3.2.26": "SHA-1",
  "2.16.840.1.101.3.4.2.4": "SHA-224",
  "2.16.840.1.101.3.4.2.1": "SHA-256",
  "2.16.840.1.101.3.4.2.2": "SHA-384",
  "2.16.840.1.101.3.4.2.3": "SHA-512",
  "1.2.840.113549.2.5": "MD5",
};

/** Hashes API Gateway accepts: SHA-256 or stronger. */
export const STRONG_HASHES = new Set(["SHA-256", "SHA-384", "SHA-512"]);

export const KEY_ALGORITHMS: Record<string, string> = {
  "1.2.840.113549.1.1.1": "RSA",
  "1.2.840.113549.1.1.10": "RSA-PSS",
  "1.2.840.10045.2.1": "EC",
  "1.2.840.10040.4.1": "DSA",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
  "1.3.101.110": "X25519",
  "1.3.101.111": "X448",
};

export interface CurveDef {
  name: string;
  /** openssl's ASN1 OID name, e.g. prime256v1. */
  opensslName: string;
  bits: number;
  /** Named curve for WebCrypto, where WebCrypto supports it. */
  webCrypto?: "P-256" | "P-384" | "P-521";
}

export const CURVES: Record<string, CurveDef> = {
  "1.2.840.10045.3.1.1": { name: "P-192", opensslName: "prime192v1", bits: 192 },
  "1.3.132.0.33": { name: "P-224", opensslName: "secp224r1", bits: 224 },
  "1.2.840.10045.3.1.7": {
    name: "P-256",
    opensslName: "prime256v1",
    bits: 256,
    webCrypto: "P-256",
  },
  "1.3.132.0.34": { name: "P-384", opensslName: "secp384r1", bits: 384, webCrypto: "P-384" },
  "1.3.132.0.35": { name: "P-521", opensslName: "secp521r1", bits: 521, webCrypto: "P-521" },
  "1.3.132.0.10": { name: "secp256k1", opensslName: "secp256k1", bits: 256 },
  "1.3.36.3.3.2.8.1.1.7": { name: "brainpoolP256r1", opensslName: "brainpoolP256r1", bits: 256 },
  "1.3.36.3.3.2.8.1.1.11": { name: "brainpoolP384r1", opensslName: "brainpoolP384r1", bits: 384 },
  "1.3.36.3.3.2.8.1.1.13": { name: "brainpoolP512r1", opensslName: "brainpoolP512r1", bits: 512 },
};

/** Attribute short names as openssl prints them. */
export const NAME_ATTRIBUTES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "street",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "title",
  "2.5.4.15": "businessCategory",
  "2.5.4.17": "postalCode",
  "2.5.4.42": "GN",
  "2.5.4.43": "initials",
  "2.5.4.46": "dnQualifier",
  "2.5.4.65": "pseudonym",
  "2.5.4.97": "organizationIdentifier",
  "0.9.2342.19200300.100.1.1": "UID",
  "0.9.2342.19200300.100.1.25": "DC",
  "1.2.840.113549.1.9.1": "emailAddress",
  "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC",
};

export const EXTENSION_NAMES: Record<string, string> = {
  "2.5.29.14": "X509v3 Subject Key Identifier",
  "2.5.29.15": "X509v3 Key Usage",
  "2.5.29.17": "X509v3 Subject Alternative Name",
  "2.5.29.18": "X509v3 Issuer Alternative Name",
  "2.5.29.19": "X509v3 Basic Constraints",
  "2.5.29.30": "X509v3 Name Constraints",
  "2.5.29.31": "X509v3 CRL Distribution Points",
  "2.5.29.32": "X509v3 Certificate Policies",
  "2.5.29.33": "X509v3 Policy Mappings",
  "2.5.29.35": "X509v3 Authority Key Identifier",
  "2.5.29.36": "X509v3 Policy Constraints",
  "2.5.29.37": "X509v3 Extended Key Usage",
  "2.5.29.54": "X509v3 Inhibit Any Policy",
  "1.3.6.1.5.5.7.1.1": "Authority Information Access",
  "1.3.6.1.5.5.7.1.11": "Subject Information Access",
  "1.3.6.1.4.1.11129.2.4.2": "CT Precertificate SCTs",
  "2.16.840.1.113730.1.1": "Netscape Cert Type",
  "2.16.840.1.113730.1.13": "Netscape Comment",
};

export const EXTENDED_KEY_USAGES: Record<string, string> = {
  "2.5.29.37.0": "Any Extended Key Usage",
  "1.3.6.1.5.5.7.3.1": "TLS Web Server Authentication",
  "1.3.6.1.5.5.7.3.2": "TLS Web Client Authentication",
  "1.3.6.1.5.5.7.3.3": "Code Signing",
  "1.3.6.1.5.5.7.3.4": "E-mail Protection",
  "1.3.6.1.5.5.7.3.8": "Time Stamping",
  "1.3.6.1.5.5.7.3.9": "OCSP Signing",
  "1.3.6.1.4.1.311.20.2.2": "Microsoft Smartcard Login",
};

export const KEY_USAGE_NAMES: [flag: number, name: string][] = [
  [1, "Digital Signature"],
  [2, "Non Repudiation"],
  [4, "Key Encipherment"],
  [8, "Data Encipherment"],
  [16, "Key Agreement"],
  [32, "Certificate Sign"],
  [64, "CRL Sign"],
  [128, "Encipher Only"],
  [256, "Decipher Only"],
];

export const ACCESS_METHODS: Record<string, string> = {
  "1.3.6.1.5.5.7.48.1": "OCSP",
  "1.3.6.1.5.5.7.48.2": "CA Issuers",
};

export const POLICIES: Record<string, string> = {
  "2.5.29.32.0": "X509v3 Any Policy",
  "2.23.140.1.2.1": "CA/B Forum Domain Validated",
  "2.23.140.1.2.2": "CA/B Forum Organization Validated",
  "2.23.140.1.1": "CA/B Forum EV",
};
