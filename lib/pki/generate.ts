/**
 * Certificates made at run time with WebCrypto and @peculiar/x509: keys,
 * certificates and chains with exactly the properties asked for. Used by the
 * tests (fixtures) and by the emulator's demo data, so that dates always
 * stay relative to now. Nothing here is hand-written PEM.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

export type KeySpec = { rsa: 1024 | 2048 | 3072 | 4096 } | { ec: "P-256" | "P-384" | "P-521" };
export type Hash = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

export interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  spec: KeySpec;
  pem: string;
  subject: string;
}

const DAY = 86_400_000;
const keyCache = new Map<string, Promise<CryptoKeyPair>>();

/** A fresh key pair, or a shared one when `shareKey` names it (RSA 4096 is slow to make). */
export function makeKeys(spec: KeySpec, shareKey?: string): Promise<CryptoKeyPair> {
  const generate = () =>
    "rsa" in spec
      ? crypto.subtle.generateKey(
          {
            name: "RSASSA-PKCS1-v1_5",
            modulusLength: spec.rsa,
            publicExponent: new Uint8Array([1, 0, 1]),
            hash: "SHA-256",
          },
          true,
          ["sign", "verify"],
        )
      : crypto.subtle.generateKey({ name: "ECDSA", namedCurve: spec.ec }, true, ["sign", "verify"]);
  if (!shareKey) return generate() as Promise<CryptoKeyPair>;
  const cacheKey = `${JSON.stringify(spec)}:${shareKey}`;
  let keys = keyCache.get(cacheKey);
  if (!keys) keyCache.set(cacheKey, (keys = generate() as Promise<CryptoKeyPair>));
  return keys;
}

/** The private key re-imported for a given hash (WebCrypto binds RSA keys to one hash). */
async function signingKey(
  keys: CryptoKeyPair,
  spec: KeySpec,
  hash: Hash,
): Promise<{ key: CryptoKey; algorithm: Algorithm | EcdsaParams }> {
  if ("ec" in spec)
    return { key: keys.privateKey, algorithm: { name: "ECDSA", hash } as EcdsaParams };
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", keys.privateKey);
  const key = await crypto.subtle.importKey(
    "pkcs8",
    pkcs8,
    { name: "RSASSA-PKCS1-v1_5", hash },
    false,
    ["sign"],
  );
  return { key, algorithm: { name: "RSASSA-PKCS1-v1_5", hash } as Algorithm };
}

export interface CertOptions {
  subject: string;
  /** Signed by this issuer; self-signed when absent. */
  issuer?: Issued;
  /** Override the issuer name written into the certificate. */
  issuerName?: string;
  key?: KeySpec;
  /** Reuse a key pair (a renewed or cross-signed certificate keeps its key). */
  keys?: CryptoKeyPair;
  hash?: Hash;
  ca?: boolean;
  /** Omit basicConstraints entirely. */
  noBasicConstraints?: boolean;
  pathLength?: number;
  notBefore?: Date;
  notAfter?: Date;
  /** Days of validity from now, instead of notBefore/notAfter. */
  validDays?: [from: number, to: number];
  serialNumber?: string;
  sans?: string[];
  /** A leaf's extended key usage: a client certificate (default) or a TLS server's. */
  usage?: "client" | "server";
  extensions?: x509.Extension[];
}

export async function issue(options: CertOptions): Promise<Issued> {
  const spec: KeySpec = options.key ?? { ec: "P-256" };
  const keys = options.keys ?? (await makeKeys(spec));
  const signer = options.issuer ?? null;
  const signerSpec = signer ? signer.spec : spec;
  const signerKeys = signer ? signer.keys : keys;
  const { key, algorithm } = await signingKey(signerKeys, signerSpec, options.hash ?? "SHA-256");
  const now = Date.now();
  const [from, to] = options.validDays ?? [-1, 365];
  const ca = options.ca ?? !options.issuer;
  const extensions: x509.Extension[] = [];
  if (!options.noBasicConstraints) {
    extensions.push(
      new x509.BasicConstraintsExtension(ca, ca ? options.pathLength : undefined, true),
    );
  }
  extensions.push(
    new x509.KeyUsagesExtension(
      ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  );
  if (signer)
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(signer.keys.publicKey));
  if (!ca)
    extensions.push(
      new x509.ExtendedKeyUsageExtension([
        options.usage === "server"
          ? x509.ExtendedKeyUsage.serverAuth
          : x509.ExtendedKeyUsage.clientAuth,
      ]),
    );
  if (options.sans)
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        options.sans.map((value) => ({ type: "dns" as const, value })),
      ),
    );
  extensions.push(...(options.extensions ?? []));

  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: options.serialNumber ?? randomSerial(),
    subject: options.subject,
    issuer: options.issuerName ?? signer?.subject ?? options.subject,
    notBefore: options.notBefore ?? new Date(now + from * DAY),
    notAfter: options.notAfter ?? new Date(now + to * DAY),
    publicKey: keys.publicKey,
    signingKey: key,
    signingAlgorithm: algorithm,
    extensions,
  });
  return { cert, keys, spec, pem: cert.toString("pem"), subject: options.subject };
}

/**
 * A CRL of `issuer` revoking these certificates (or serials), signed by
 * `signer` (default: the issuer itself; another one makes a mis-signed CRL).
 */
export async function makeCrl(
  issuer: Issued,
  revoked: (Issued | string)[],
  options: {
    thisUpdate?: Date;
    nextUpdate?: Date;
    signer?: Issued;
    extensions?: x509.Extension[];
  } = {},
): Promise<{ crl: x509.X509Crl; pem: string }> {
  const signer = options.signer ?? issuer;
  const { key, algorithm } = await signingKey(signer.keys, signer.spec, "SHA-256");
  const now = Date.now();
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.subject,
    thisUpdate: options.thisUpdate ?? new Date(now - DAY),
    nextUpdate: options.nextUpdate ?? new Date(now + 7 * DAY),
    entries: revoked.map((r) => ({
      serialNumber: typeof r === "string" ? r : r.cert.serialNumber,
      revocationDate: new Date(now - 3_600_000),
      reason: x509.X509CrlReason.keyCompromise,
    })),
    ...(options.extensions ? { extensions: options.extensions } : {}),
    signingKey: key,
    signingAlgorithm: algorithm,
  });
  return { crl, pem: crl.toString("pem") };
}

function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A chain root → intermediates → leaf of `length` certificates in all
 * (the leaf is a client certificate, not a CA).
 */
export async function chain(
  length: number,
  options: { key?: KeySpec; prefix?: string; hash?: Hash } = {},
): Promise<Issued[]> {
  const prefix = options.prefix ?? "Test";
  const out: Issued[] = [];
  const root = await issue({
    subject: `CN=${prefix} Root CA, O=Example`,
    key: options.key,
    hash: options.hash,
  });
  out.push(root);
  for (let i = 1; i < length - 1; i++) {
    out.push(
      await issue({
        subject: `CN=${prefix} Intermediate ${i}, O=Example`,
        issuer: out[i - 1]!,
        ca: true,
        key: options.key,
        hash: options.hash,
      }),
    );
  }
  if (length > 1) {
    out.push(
      await issue({
        subject: `CN=${prefix} Client, O=Example`,
        issuer: out[out.length - 1]!,
        ca: false,
        key: options.key,
        hash: options.hash,
      }),
    );
  }
  return out;
}

export const bundle = (...certs: (Issued | string)[]) =>
  certs.map((c) => (typeof c === "string" ? c : c.pem)).join("\n");

/** The same certificate with one byte of its signature flipped. */
export function tamperSignature(issued: Issued): string {
  const der = new Uint8Array(issued.cert.rawData.slice(0));
  der[der.length - 3] = der[der.length - 3]! ^ 0xff;
  return new x509.X509Certificate(der).toString("pem");
}

/**
 * A root and `count - 1` distinct certificates it issued (one shared key,
 * so that making a thousand takes a second): a bundle of `count`.
 */
export async function largeBundle(
  count: number,
  options: { key?: KeySpec; prefix?: string } = {},
): Promise<Issued[]> {
  const key = options.key ?? { ec: "P-256" };
  const prefix = options.prefix ?? "Bulk";
  const root = await issue({ subject: `CN=${prefix} Root CA, O=Example`, key });
  const keys = await makeKeys(key, `${prefix}-leaf`);
  const out = [root];
  for (let i = 1; i < count; i++) {
    out.push(
      await issue({
        subject: `CN=${prefix} Partner ${i}, O=Example`,
        issuer: root,
        keys,
        key,
        ca: i % 2 === 0,
      }),
    );
  }
  return out;
}
