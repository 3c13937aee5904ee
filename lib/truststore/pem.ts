/**
 * Reading a truststore bundle: PEM blocks with their line numbers. Text
 * between blocks is ignored, as API Gateway does. Everything that makes the
 * file unusable is a file-level finding (an error). A private key is never
 * kept: only its label and line survive this module.
 */
import {
  MAX_TRUSTSTORE_BYTES,
  MAX_TRUSTSTORE_CERTIFICATES,
  RULE_SEVERITY,
  type FileRule,
  type Finding,
} from "./types";
import { strictFromBase64 } from "./base64";

export interface CertificateBlock {
  /** 1-based line of `-----BEGIN CERTIFICATE-----`. */
  line: number;
  der: Uint8Array;
  /** The base64 lines as read (the PEM is made from them when they are openssl's form). */
  lines: readonly string[];
}

export interface ReadResult {
  byteLength: number;
  blocks: CertificateBlock[];
  findings: Finding[];
}

export type TruststoreInput = string | Uint8Array | ArrayBuffer;

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
const END = /^-----END ([A-Z0-9 ]+)-----$/;

const OTHER_BLOCKS: Record<string, string> = {
  "CERTIFICATE REQUEST": "a certificate signing request (CSR)",
  "NEW CERTIFICATE REQUEST": "a certificate signing request (CSR)",
  "PUBLIC KEY": "a bare public key",
  "RSA PUBLIC KEY": "a bare RSA public key",
  "X509 CRL": "a certificate revocation list (CRL)",
  PKCS7: "a PKCS#7 bundle",
  CMS: "a CMS bundle",
  "TRUSTED CERTIFICATE":
    "an OpenSSL 'trusted certificate' (export it with `openssl x509` as a plain CERTIFICATE)",
  "X509 CERTIFICATE": "an old-style 'X509 CERTIFICATE' block (re-export it as a plain CERTIFICATE)",
  "EC PARAMETERS": "EC parameters",
  "DH PARAMETERS": "DH parameters",
};

export function fileFinding(rule: FileRule, message: string, line?: number): Finding {
  return line === undefined
    ? { rule, severity: RULE_SEVERITY[rule], message }
    : { rule, severity: RULE_SEVERITY[rule], line, message };
}

/**
 * Lines as read, with an END and a BEGIN glued on one line (`cat a.pem
 * b.pem` where a.pem has no final newline: `-----END CERTIFICATE----------BEGIN
 * CERTIFICATE-----`) split in two, each glue named where it is.
 */
function splitGluedLines(raw: string[], findings: Finding[]): { text: string; lineNo: number }[] {
  const out: { text: string; lineNo: number }[] = [];
  raw.forEach((text, i) => {
    const parts = text.includes("-----BEGIN ", 8)
      ? text.split(/(?<=-----END [A-Z0-9 ]+-----)(?=\s*-----BEGIN )/)
      : [text];
    if (parts.length > 1)
      findings.push(
        fileFinding(
          "pem-syntax",
          `Line ${i + 1} has an END line and the next BEGIN line glued together (a file joined without its last line break, as \`cat a.pem b.pem\` does): put a line break between them. The blocks were read as if it were there.`,
          i + 1,
        ),
      );
    for (const part of parts) out.push({ text: part, lineNo: i + 1 });
  });
  return out;
}

export function toBytes(input: TruststoreInput): Uint8Array {
  if (typeof input === "string") return new TextEncoder().encode(input);
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Bytes that no PEM text contains: NUL and C0 controls other than tab, CR, LF, FF. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.length > 65_536 ? bytes.subarray(0, 65_536) : bytes;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return true;
  }
  return false;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Splits a bundle into certificate blocks. Never throws; everything wrong
 * with the file comes back as findings.
 */
export function readBundle(input: TruststoreInput): ReadResult {
  const bytes = toBytes(input);
  const byteLength = bytes.length;
  const findings: Finding[] = [];
  const blocks: CertificateBlock[] = [];

  if (byteLength > MAX_TRUSTSTORE_BYTES) {
    findings.push(
      fileFinding(
        "too-large",
        `The file is ${byteLength.toLocaleString("en-US")} bytes; API Gateway accepts at most ${MAX_TRUSTSTORE_BYTES.toLocaleString("en-US")} bytes per truststore.`,
      ),
    );
    return { byteLength, blocks, findings };
  }
  if (byteLength === 0) {
    findings.push(
      fileFinding("empty", "The file is empty: a truststore needs at least one certificate."),
    );
    return { byteLength, blocks, findings };
  }
  if (looksBinary(bytes)) {
    const der = bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x80;
    findings.push(
      fileFinding(
        "pem-syntax",
        der
          ? "This looks like a binary (DER) file, not PEM text. Convert it first: openssl x509 -inform der -in FILE -out FILE.pem"
          : "This is not PEM text: it contains binary bytes. A truststore is a text file of -----BEGIN CERTIFICATE----- blocks.",
      ),
    );
    return { byteLength, blocks, findings };
  }

  const text = new TextDecoder("utf-8").decode(bytes);
  const lines = splitGluedLines(text.split(/\r\n|\r|\n/), findings);
  let open: { label: string; line: number; body: string[]; privateKey: boolean } | null = null;
  let otherBlocks = 0;

  for (const { text: raw, lineNo } of lines) {
    const line = raw.trim();
    // Only a line that starts with dashes can begin or end a block (most are base64).
    const dashes = line.startsWith("-----");
    const begin = dashes ? BEGIN.exec(line) : null;
    if (begin) {
      if (open) {
        findings.push(
          fileFinding(
            "pem-syntax",
            `The ${open.label} block that starts on line ${open.line} has no END line before line ${lineNo}.`,
            open.line,
          ),
        );
      }
      open = {
        label: begin[1]!,
        line: lineNo,
        body: [],
        privateKey: /PRIVATE KEY$/.test(begin[1]!),
      };
      continue;
    }
    const end = dashes ? END.exec(line) : null;
    if (end) {
      if (!open) {
        findings.push(
          fileFinding(
            "pem-syntax",
            `Line ${lineNo} ends a ${end[1]} block that was never begun (the file may be truncated or pasted incompletely).`,
            lineNo,
          ),
        );
        continue;
      }
      if (end[1] !== open.label) {
        findings.push(
          fileFinding(
            "pem-syntax",
            `The ${open.label} block that starts on line ${open.line} ends with "END ${end[1]}" on line ${lineNo}.`,
            open.line,
          ),
        );
        open = null;
        continue;
      }
      const block = open;
      open = null;
      if (block.privateKey) {
        findings.push(
          fileFinding(
            "private-key",
            `Line ${block.line}: a private key (${block.label}). Private keys never belong in a truststore: remove it and keep it secret. It was not stored.`,
            block.line,
          ),
        );
        continue;
      }
      if (block.label !== "CERTIFICATE") {
        otherBlocks++;
        const what = OTHER_BLOCKS[block.label] ?? `a "${block.label}" block`;
        findings.push(
          fileFinding(
            "not-a-certificate",
            `Line ${block.line}: ${what}, not a certificate. A truststore holds only CERTIFICATE blocks.`,
            block.line,
          ),
        );
        continue;
      }
      const der = strictFromBase64(block.body.join(""));
      if (!der || der.length === 0) {
        findings.push(
          fileFinding(
            "pem-syntax",
            `The certificate on line ${block.line} is not valid base64.`,
            block.line,
          ),
        );
        continue;
      }
      blocks.push({ line: block.line, der, lines: block.body });
      continue;
    }
    if (open) {
      // Private key bodies are dropped unread; certificate bodies are kept
      // whitespace-free for base64 decoding.
      if (!open.privateKey) open.body.push(/\s/.test(line) ? line.replace(/\s+/g, "") : line);
    }
  }
  if (open) {
    findings.push(
      fileFinding(
        "pem-syntax",
        `The ${open.label} block that starts on line ${open.line} has no END line (the file may be truncated).`,
        open.line,
      ),
    );
  }

  const certificateBlocks = blocks.length;
  if (certificateBlocks > MAX_TRUSTSTORE_CERTIFICATES) {
    findings.push(
      fileFinding(
        "too-large",
        `The file holds ${plural(certificateBlocks, "certificate")}; API Gateway accepts at most ${MAX_TRUSTSTORE_CERTIFICATES.toLocaleString("en-US")} per truststore.`,
      ),
    );
  }
  if (certificateBlocks === 0 && findings.length === 0) {
    findings.push(
      fileFinding(
        "empty",
        otherBlocks > 0
          ? "The file holds no certificate."
          : "No -----BEGIN CERTIFICATE----- block was found: the file holds only text.",
      ),
    );
  }
  return { byteLength, blocks, findings };
}
