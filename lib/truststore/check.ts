/**
 * The truststore check: read, decode and validate a bundle with API
 * Gateway's rules (docs/truststore-rules.md) at an explicit evaluation time.
 * Never throws on bad input: everything comes back as findings.
 */
import { parseCertificate, type ParsedCertificate } from "./decode";
import { fileFinding, readBundle, type TruststoreInput } from "./pem";
import { IssuerIndex, shortestPathToRoot, type IssuerLinks } from "./chains";
import { algorithmHits, quote, validityHits, type RuleHit } from "./rules";
import { SignatureVerifier, type SignatureCheck } from "./verify";
import { EarlyChecks } from "./early-checks";
import {
  DEFAULT_EXPIRING_DAYS,
  MAX_CHAIN_LENGTH,
  RULE_SEVERITY,
  type CertificateReport,
  type CheckOptions,
  type Finding,
  type TruststoreReport,
  type Verdict,
} from "./types";

/** From how many certificates signature checks are worth sending to libuv's threads. */
const THREADED_CHECKS = 32;

/** Certificates decoded between two rounds of early checks (./early-checks.ts). */
const DECODE_ROUND = 32;

export interface LoadedBundle {
  byteLength: number;
  certificates: ParsedCertificate[];
  findings: Finding[];
}

/** The verifier a bundle's decoding started its checks with, until its chains are found. */
const verifiers = new WeakMap<LoadedBundle, SignatureVerifier>();

/**
 * Reads and decodes every certificate; file-level problems become findings.
 * Signature checks start while the rest decodes (./early-checks.ts).
 * threads: whether they may go to libuv's threads; by default when there
 * are many (for a few, waking a thread costs more than the check). Work
 * nobody waits for passes false: the threads' allocations stay in the
 * process's memory (about 25 MB after fifty 1,000-certificate versions).
 */
export async function loadBundle(
  input: TruststoreInput,
  options: { threads?: boolean } = {},
): Promise<LoadedBundle> {
  const read = readBundle(input);
  const findings = [...read.findings];
  if (findings.some((f) => f.rule === "too-large")) {
    return { byteLength: read.byteLength, certificates: [], findings };
  }
  const verifier = new SignatureVerifier({
    threads: options.threads ?? read.blocks.length >= THREADED_CHECKS,
  });
  const early = new EarlyChecks(verifier);
  const parsed: (ParsedCertificate | null)[] = [];
  // In rounds: in a browser each certificate's digests are WebCrypto jobs, which a round runs side by side.
  for (let start = 0; start < read.blocks.length; start += DECODE_ROUND) {
    const round = await Promise.all(
      read.blocks
        .slice(start, start + DECODE_ROUND)
        .map((block) => parseCertificate(block.der, 0, block.line, block.lines).catch(() => null)),
    );
    for (const cert of round) if (cert) early.add(cert);
    parsed.push(...round);
  }
  const certificates: ParsedCertificate[] = [];
  parsed.forEach((cert, k) => {
    const line = read.blocks[k]!.line;
    if (!cert) {
      findings.push(
        fileFinding(
          "x509-syntax",
          `The certificate on line ${line} is not a valid X.509 certificate (its DER does not parse).`,
          line,
        ),
      );
      return;
    }
    cert.decoded.index = certificates.length;
    certificates.push(cert);
  });
  const bundle = { byteLength: read.byteLength, certificates, findings };
  verifiers.set(bundle, verifier);
  return bundle;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === "error")) return "error";
  if (findings.some((f) => f.severity === "warning")) return "warnings";
  return "ok";
}

function certificateFinding(index: number, line: number, hit: RuleHit): Finding {
  return {
    rule: hit.rule,
    severity: RULE_SEVERITY[hit.rule],
    certificate: index,
    line,
    message: hit.message,
  };
}

export async function checkTruststore(
  input: TruststoreInput,
  options: CheckOptions = {},
): Promise<TruststoreReport> {
  const at = options.at ?? new Date();
  const expiringDays = options.expiringDays ?? DEFAULT_EXPIRING_DAYS;
  const bundle = await loadBundle(input);
  return validateBundle(bundle, at, expiringDays);
}

/** What does not depend on the time: duplicates, issuers found and verified, each certificate's path to a root. */
interface Chains {
  duplicateOf: (number | undefined)[];
  links: (IssuerLinks | null)[];
  selfChecks: (SignatureCheck | null)[];
  paths: { path: number[]; complete: boolean }[];
}

/**
 * A bundle's chains, worked out once per loaded bundle: the server checks a
 * kept version again on every view (expiry depends on the time), and its
 * signatures need not be verified again each time.
 */
const chainsKept = new WeakMap<LoadedBundle, Promise<Chains>>();

function chainsOf(bundle: LoadedBundle): Promise<Chains> {
  let chains = chainsKept.get(bundle);
  if (!chains) {
    const verifier =
      verifiers.get(bundle) ??
      new SignatureVerifier({ threads: bundle.certificates.length >= THREADED_CHECKS });
    // Its answers are in the chains now; the verifier's own copies need not stay.
    verifiers.delete(bundle);
    chains = findChains(bundle.certificates, verifier);
    chainsKept.set(bundle, chains);
    // A failure is not kept: the next check tries again.
    chains.catch(() => chainsKept.delete(bundle));
  }
  return chains;
}

async function findChains(
  certs: ParsedCertificate[],
  verifier: SignatureVerifier,
): Promise<Chains> {
  // Duplicates (same DER) are reported on the later copy and take part in
  // nothing else: each later copy reuses the first copy's chain.
  const firstBySha256 = new Map<string, number>();
  const duplicateOf: (number | undefined)[] = certs.map((cert, i) => {
    const first = firstBySha256.get(cert.decoded.fingerprintSha256);
    if (first === undefined) firstBySha256.set(cert.decoded.fingerprintSha256, i);
    return first;
  });
  const isDuplicate = (i: number) => duplicateOf[i] !== undefined;

  const index = new IssuerIndex(certs);
  const links: (IssuerLinks | null)[] = await Promise.all(
    certs.map((cert, i) =>
      isDuplicate(i) || cert.decoded.selfIssued
        ? null
        : index.links(cert, verifier, (j) => j === i || isDuplicate(j)),
    ),
  );
  const selfChecks = await Promise.all(
    certs.map((cert, i) =>
      !isDuplicate(i) && cert.decoded.selfIssued ? verifier.check(cert, cert) : null,
    ),
  );
  const issuersOf = (i: number) => {
    const l = links[i];
    return l ? [...l.verified, ...l.unverifiable] : [];
  };
  const isRoot = (i: number) => certs[i]!.decoded.selfIssued;
  const paths = certs.map((_, i) => {
    const original = duplicateOf[i];
    const found = shortestPathToRoot(original ?? i, issuersOf, isRoot);
    return {
      path: original === undefined ? found.path : [i, ...found.path.slice(1)],
      complete: found.complete,
    };
  });
  return { duplicateOf, links, selfChecks, paths };
}

export async function validateBundle(
  bundle: LoadedBundle,
  at: Date,
  expiringDays: number,
): Promise<TruststoreReport> {
  const certs = bundle.certificates;
  const findings = [...bundle.findings];
  const { duplicateOf, links, selfChecks, paths } = await chainsOf(bundle);
  const reports: CertificateReport[] = certs.map((cert, i) => {
    const original = duplicateOf[i];
    const report: CertificateReport = {
      ...cert.decoded,
      selfSigned: cert.decoded.selfIssued && selfChecks[original ?? i] !== "invalid",
      path: [...paths[i]!.path],
      pathComplete: paths[i]!.complete,
    };
    if (original !== undefined) report.duplicateOf = original;
    return report;
  });

  reports.forEach((report, i) => {
    const hits: RuleHit[] = [];
    const who = quote(report.subject);
    const original = duplicateOf[i];
    if (original !== undefined) {
      hits.push({
        rule: "duplicate",
        message: `${who} appears again: it is the same certificate as #${original + 1} (line ${certs[original]!.decoded.line}).`,
      });
    } else {
      if (report.selfIssued) {
        if (selfChecks[i] === "invalid") {
          hits.push({
            rule: "signature",
            message: `${who} is self-issued but its self-signature does not verify with its own key (damaged or tampered).`,
          });
        }
      } else {
        const l = links[i]!;
        if (l.candidates.length === 0) {
          hits.push({
            rule: "issuer-missing",
            message: `${who} was issued by ${quote(report.issuer)}, which is not in the truststore: add that CA's certificate and its chain up to the root.`,
          });
        } else if (l.verified.length === 0 && l.unverifiable.length === 0) {
          hits.push({
            rule: "signature",
            message: `${who}: its signature does not verify with the key of its issuer ${quote(report.issuer)} (tampered, or issued by a different key with the same name).`,
          });
        }
        const issuer = report.path[1];
        if (issuer !== undefined && !reports[issuer]!.isCA) {
          hits.push({
            rule: "issuer-not-ca",
            message: `${who} is issued by ${quote(reports[issuer]!.subject)}, which is not a CA (it lacks basicConstraints CA:TRUE).`,
          });
        }
      }
      if (report.path.length > MAX_CHAIN_LENGTH) {
        hits.push({
          rule: "chain-length",
          message: `${who}: its chain up to the root is ${report.path.length} certificates long; API Gateway allows at most ${MAX_CHAIN_LENGTH} (a root and up to three intermediates).`,
        });
      }
      hits.push(...validityHits(report, at, expiringDays), ...algorithmHits(report));
    }
    for (const hit of hits) findings.push(certificateFinding(i, report.line, hit));
  });

  return {
    verdict: verdictOf(findings),
    evaluatedAt: at.toISOString(),
    expiringDays,
    byteLength: bundle.byteLength,
    certificates: reports,
    findings,
  };
}
