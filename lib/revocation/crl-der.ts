/**
 * A CRL read straight from its DER (RFC 5280 §5.1), in one pass over the
 * bytes. Real CRLs hold tens of thousands of serials: the general ASN.1
 * parser the rest of the project uses (asn1js under @peculiar/x509) builds
 * about ten objects per serial, ~1 s and ~130 MB per 10,000 of them, which
 * neither a 5 s, 256 MB Lambda nor the console's heap can afford. Only the
 * issuer's name is handed to @peculiar/x509 (it is small). Signatures are
 * verified with Node's crypto over the exact to-be-signed bytes.
 */
import { createPublicKey, verify, constants } from "node:crypto";

interface Tlv {
  tag: number;
  /** Where the whole element starts and its content starts and ends. */
  start: number;
  body: number;
  end: number;
}

function tlv(der: Uint8Array, at: number, limit = der.length): Tlv {
  if (at + 2 > limit) throw new Error("truncated");
  const tag = der[at]!;
  let len = der[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || body + n > limit) throw new Error("bad length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[body + i]!;
    body += n;
  }
  const end = body + len;
  if (end > limit) throw new Error("truncated");
  return { tag, start: at, body, end };
}

/** The elements inside a constructed element. */
function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.body; at < parent.end;) {
    const t = tlv(der, at, parent.end);
    out.push(t);
    at = t.end;
  }
  return out;
}

const hex = (der: Uint8Array, t: Tlv) => Buffer.from(der.subarray(t.body, t.end)).toString("hex");

function oid(der: Uint8Array, t: Tlv): string {
  const b = der.subarray(t.body, t.end);
  const parts = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

/** UTCTime (0x17) or GeneralizedTime (0x18) as ISO 8601. */
function time(der: Uint8Array, t: Tlv): string {
  const s = Buffer.from(der.subarray(t.body, t.end)).toString("latin1");
  const full = t.tag === 0x17 ? `${Number(s.slice(0, 2)) < 50 ? "20" : "19"}${s}` : s;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(full);
  if (!m) throw new Error("bad time");
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
}

/** Extension OIDs (and the reason code, when asked) of an Extensions SEQUENCE. */
function extensions(der: Uint8Array, seq: Tlv): { oids: string[]; reason?: number } {
  const oids: string[] = [];
  let reason: number | undefined;
  for (const ext of children(der, seq)) {
    const [id, ...rest] = children(der, ext);
    const type = oid(der, id!);
    oids.push(type);
    const value = rest.at(-1);
    if (type === "2.5.29.21" && value) {
      const enumerated = tlv(der, value.body, value.end);
      reason = der[enumerated.end - 1];
    }
  }
  return reason === undefined ? { oids } : { oids, reason };
}

export interface DerCrlEntry {
  /** Hex, as DER writes it (leading zeros kept: callers normalise). */
  serial: string;
  revokedAt: string;
  reason?: number;
}

export interface DerCrl {
  /** The issuer Name's DER, for a name library to print. */
  issuerDer: Uint8Array;
  thisUpdate: string;
  nextUpdate?: string;
  entries: DerCrlEntry[];
  /** CRL extension OIDs, and entry extension OIDs seen on any entry. */
  extensionOids: string[];
  entryExtensionOids: string[];
  tbs: Uint8Array;
  signatureAlgorithm: string;
  /** RSASSA-PSS parameters' DER, when the algorithm is PSS. */
  signatureParams?: Uint8Array;
  signature: Uint8Array;
}

/** Throws (a short reason) when the bytes are not a CRL. */
export function readCrlDer(der: Uint8Array): DerCrl {
  const top = tlv(der, 0);
  if (top.tag !== 0x30 || top.end !== der.length) throw new Error("not a SEQUENCE");
  const [tbsT, algT, sigT] = children(der, top);
  if (!tbsT || !algT || !sigT || sigT.tag !== 0x03) throw new Error("not a CertificateList");
  const fields = children(der, tbsT);
  let i = 0;
  if (fields[i]?.tag === 0x02) i++; // version
  i++; // the signature algorithm inside the to-be-signed part
  const issuer = fields[i++]!;
  const thisUpdate = time(der, fields[i++]!);
  let nextUpdate: string | undefined;
  if (fields[i] && (fields[i]!.tag === 0x17 || fields[i]!.tag === 0x18))
    nextUpdate = time(der, fields[i++]!);
  const entries: DerCrlEntry[] = [];
  const entryOids = new Set<string>();
  if (fields[i]?.tag === 0x30) {
    for (const entry of children(der, fields[i++]!)) {
      const [serial, date, exts] = children(der, entry);
      const e: DerCrlEntry = { serial: hex(der, serial!), revokedAt: time(der, date!) };
      if (exts) {
        const read = extensions(der, exts);
        for (const o of read.oids) entryOids.add(o);
        if (read.reason !== undefined) e.reason = read.reason;
      }
      entries.push(e);
    }
  }
  const crlExts = fields[i]?.tag === 0xa0 ? children(der, fields[i]!)[0] : undefined;
  const [algOid, algParams] = children(der, algT);
  const sigBody = der.subarray(sigT.body + 1, sigT.end); // past the unused-bits byte
  return {
    issuerDer: der.subarray(issuer.start, issuer.end),
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    entries,
    extensionOids: crlExts ? extensions(der, crlExts).oids : [],
    entryExtensionOids: [...entryOids],
    tbs: der.subarray(tbsT.start, tbsT.end),
    signatureAlgorithm: oid(der, algOid!),
    ...(algParams && algParams.tag === 0x30
      ? { signatureParams: der.subarray(algParams.start, algParams.end) }
      : {}),
    signature: sigBody,
  };
}

const HASHES: Record<string, string | null> = {
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
  "1.3.101.112": null, // Ed25519
};
const PSS = "1.2.840.113549.1.1.10";
const PSS_HASHES: Record<string, string> = {
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

/** Whether the CA's key (its certificate, PEM) signed this CRL. */
export function crlSignedBy(crl: DerCrl, caPem: string): boolean {
  try {
    const key = createPublicKey(caPem);
    if (crl.signatureAlgorithm === PSS) {
      const params = crl.signatureParams;
      if (!params) return false;
      const seq = children(params, tlv(params, 0));
      const hashAlg = seq.find((t) => t.tag === 0xa0);
      const saltT = seq.find((t) => t.tag === 0xa2);
      const hashOid = hashAlg
        ? oid(params, children(params, children(params, hashAlg)[0]!)[0]!)
        : "1.3.14.3.2.26";
      const saltLength = saltT ? parseInt(hex(params, children(params, saltT)[0]!), 16) : 20;
      return verify(
        PSS_HASHES[hashOid] ?? "sha1",
        crl.tbs,
        {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength,
        },
        crl.signature,
      );
    }
    if (!(crl.signatureAlgorithm in HASHES)) return false;
    return verify(HASHES[crl.signatureAlgorithm] ?? null, crl.tbs, key, crl.signature);
  } catch {
    return false;
  }
}
