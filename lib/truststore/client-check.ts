/**
 * Would API Gateway accept this client certificate with this truststore?
 * The client's chain must end in the truststore: API Gateway trusts only the
 * certificates the truststore holds, so intermediates the client sends are
 * not used to build the chain (the result says so when one would have
 * helped). Refusals are named the way API Gateway's execution logs name them.
 */
import { IssuerIndex, shortestPathToRoot } from "./chains";
import { loadBundle, validateBundle } from "./check";
import type { ParsedCertificate } from "./decode";
import type { TruststoreInput } from "./pem";
import { algorithmHits, quote, validityHits, type RuleHit } from "./rules";
import { SignatureVerifier } from "./verify";
import {
  DEFAULT_EXPIRING_DAYS,
  MAX_CHAIN_LENGTH,
  type CheckOptions,
  type DecodedCertificate,
  type Finding,
} from "./types";

export type RefusalCode =
  | "no-client-certificate"
  | "truststore-unusable"
  | "issuer-not-found"
  | "self-signed"
  | "signature"
  | "expired"
  | "not-yet-valid"
  | "insecure-signature-algorithm"
  | "key-too-small"
  | "unsupported-algorithm"
  | "issuer-not-ca"
  | "chain-too-long";

export interface Refusal {
  code: RefusalCode;
  /** What API Gateway's execution log says for it, where known. */
  awsLog?: string;
  message: string;
  subject?: string;
}

export interface PathStep {
  subject: string;
  fingerprintSha256: string;
  source: "client" | "truststore";
  notAfter: string;
}

export interface ClientCheckResult {
  accepted: boolean;
  refusals: Refusal[];
  /** The client certificate first, then truststore certificates up to a root. */
  path: PathStep[];
  client: DecodedCertificate | null;
  /** Problems reading the client input itself (file-level rules). */
  clientFindings: Finding[];
  /** Hints that do not change the verdict. */
  notes: string[];
}

const AWS_LOG: Partial<Record<RefusalCode, string>> = {
  "issuer-not-found": "Could not find issuer for certificate",
  "self-signed": "self signed certificate",
  "insecure-signature-algorithm": "Client cert using an insecure Signature Algorithm",
  expired: "certificate has expired",
  "not-yet-valid": "certificate is not yet valid",
};

/** Refusals that judge the input, not the client: the client file or the truststore cannot be used. */
const INPUT_REFUSALS: ReadonlySet<RefusalCode> = new Set([
  "no-client-certificate",
  "truststore-unusable",
]);

/** Accepted, refused as API Gateway would refuse it, or not judged: the input cannot be used. */
export type ClientVerdict = "accepted" | "refused" | "bad-input";

export function clientVerdict(result: ClientCheckResult): ClientVerdict {
  if (result.accepted) return "accepted";
  return result.refusals.some((r) => INPUT_REFUSALS.has(r.code)) ? "bad-input" : "refused";
}

function refusal(code: RefusalCode, message: string, subject?: string): Refusal {
  const r: Refusal = { code, message };
  const log = AWS_LOG[code];
  if (log) r.awsLog = log;
  if (subject !== undefined) r.subject = subject;
  return r;
}

const HIT_TO_REFUSAL: Record<string, RefusalCode> = {
  expired: "expired",
  "not-yet-valid": "not-yet-valid",
  "weak-hash": "insecure-signature-algorithm",
  "weak-key": "key-too-small",
  "unsupported-algorithm": "unsupported-algorithm",
};

function refusalsFor(cert: DecodedCertificate, at: Date): Refusal[] {
  const hits: RuleHit[] = [...validityHits(cert, at, 0), ...algorithmHits(cert)];
  return hits
    .filter((h) => HIT_TO_REFUSAL[h.rule])
    .map((h) => refusal(HIT_TO_REFUSAL[h.rule]!, h.message, cert.subject));
}

function step(cert: ParsedCertificate, source: PathStep["source"]): PathStep {
  const d = cert.decoded;
  return {
    subject: d.subject,
    fingerprintSha256: d.fingerprintSha256,
    source,
    notAfter: d.notAfter,
  };
}

export async function judgeClientCertificate(
  truststore: TruststoreInput,
  client: TruststoreInput,
  options: Pick<CheckOptions, "at"> = {},
): Promise<ClientCheckResult> {
  const at = options.at ?? new Date();
  const [store, presented] = await Promise.all([loadBundle(truststore), loadBundle(client)]);
  const result: ClientCheckResult = {
    accepted: false,
    refusals: [],
    path: [],
    client: null,
    clientFindings: presented.findings,
    notes: [],
  };
  const leaf = presented.certificates[0];
  if (!leaf || presented.findings.some((f) => f.severity === "error")) {
    result.refusals.push(
      refusal(
        "no-client-certificate",
        leaf
          ? "The client input cannot be used: see the problems listed with it."
          : "No client certificate was given.",
      ),
    );
    if (leaf) result.client = leaf.decoded;
    return result;
  }
  result.client = leaf.decoded;
  const storeReport = await validateBundle(store, at, DEFAULT_EXPIRING_DAYS);
  if (storeReport.verdict === "error") {
    result.refusals.push(
      refusal(
        "truststore-unusable",
        "The truststore itself is refused (see its findings), so API Gateway would not use it.",
      ),
    );
    return result;
  }

  const pool = store.certificates;
  const verifier = new SignatureVerifier();
  const index = new IssuerIndex(pool);
  const leafNode = pool.length;
  const nodeCert = (n: number) => (n === leafNode ? leaf : pool[n]!);
  const trusted = pool.findIndex(
    (c) => c.decoded.fingerprintSha256 === leaf.decoded.fingerprintSha256,
  );

  // Issuer links, computed for the leaf and every truststore certificate up
  // front (the pool is at most 1,000 certificates).
  const leafLinks = await index.links(leaf, verifier, () => false);
  const poolLinks = await Promise.all(
    pool.map((cert, i) =>
      cert.decoded.selfIssued ? null : index.links(cert, verifier, (j) => j === i),
    ),
  );
  const usable = (n: number) => {
    const d = nodeCert(n).decoded;
    return Date.parse(d.notBefore) <= at.getTime() && at.getTime() <= Date.parse(d.notAfter);
  };
  const issuersOf = (n: number): number[] => {
    const links = n === leafNode ? leafLinks : poolLinks[n];
    if (!links) return [];
    // Prefer issuers that are currently valid (cross-signed alternatives).
    return [...links.verified, ...links.unverifiable].sort(
      (a, b) => Number(usable(b)) - Number(usable(a)),
    );
  };
  const isRoot = (n: number) => n !== leafNode && pool[n]!.decoded.selfIssued;

  result.refusals.push(...refusalsFor(leaf.decoded, at));

  let nodes: number[];
  if (trusted >= 0) {
    // The client certificate itself is in the truststore: trusted directly,
    // and the rest of its chain (if any) must still be sound.
    nodes = shortestPathToRoot(trusted, issuersOf, isRoot).path;
    result.path = [
      step(leaf, "client"),
      ...nodes.slice(1).map((n) => step(pool[n]!, "truststore")),
    ];
    nodes = [leafNode, ...nodes.slice(1)];
  } else if (leaf.decoded.selfIssued) {
    result.refusals.push(
      refusal(
        "self-signed",
        `${quote(leaf.decoded.subject)} is self-signed and not in the truststore: add it to the truststore to trust it.`,
        leaf.decoded.subject,
      ),
    );
    result.path = [step(leaf, "client")];
    nodes = [leafNode];
  } else {
    const found = shortestPathToRoot(leafNode, issuersOf, isRoot);
    nodes = found.path;
    result.path = nodes.map((n) => step(nodeCert(n), n === leafNode ? "client" : "truststore"));
    if (!found.complete) {
      const last = nodeCert(nodes[nodes.length - 1]!);
      const links = nodes.length === 1 ? leafLinks : poolLinks[nodes[nodes.length - 1]!];
      if (links && links.candidates.length > 0) {
        result.refusals.push(
          refusal(
            "signature",
            `The signature of ${quote(last.decoded.subject)} does not verify with the key of ${quote(last.decoded.issuer)} in the truststore.`,
            last.decoded.subject,
          ),
        );
      } else {
        result.refusals.push(
          refusal(
            "issuer-not-found",
            `${quote(last.decoded.subject)} was issued by ${quote(last.decoded.issuer)}, which is not in the truststore.`,
            last.decoded.subject,
          ),
        );
        const sent = presented.certificates.slice(1).find((c) => c.subjectKey === last.issuerKey);
        if (sent) {
          result.notes.push(
            `The client sent ${quote(sent.decoded.subject)} as an intermediate, but API Gateway only trusts certificates in the truststore: add it (and its chain up to the root) there.`,
          );
        }
      }
    }
  }

  // Every truststore certificate on the path must itself be usable.
  for (let k = 1; k < nodes.length; k++) {
    const cert = nodeCert(nodes[k]!).decoded;
    result.refusals.push(...refusalsFor(cert, at));
    if (!cert.isCA) {
      const child = nodeCert(nodes[k - 1]!).decoded;
      result.refusals.push(
        refusal(
          "issuer-not-ca",
          `${quote(child.subject)} is issued by ${quote(cert.subject)}, which is not a CA (no basicConstraints CA:TRUE).`,
          cert.subject,
        ),
      );
    }
  }
  const rootNode = nodes[nodes.length - 1]!;
  if (
    rootNode !== leafNode &&
    isRoot(rootNode) &&
    (await verifier.check(pool[rootNode]!, pool[rootNode]!)) === "invalid"
  ) {
    result.refusals.push(
      refusal(
        "signature",
        `The root ${quote(pool[rootNode]!.decoded.subject)} has a self-signature that does not verify.`,
      ),
    );
  }
  const chainLength = nodes.length - 1;
  if (chainLength > MAX_CHAIN_LENGTH) {
    result.refusals.push(
      refusal(
        "chain-too-long",
        `The chain above the client certificate is ${chainLength} certificates long; API Gateway accepts at most ${MAX_CHAIN_LENGTH} (a root and up to three intermediates).`,
      ),
    );
  }
  result.accepted = result.refusals.length === 0;
  return result;
}
