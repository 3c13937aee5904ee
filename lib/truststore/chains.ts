/**
 * Chain building: name chaining (issuer name = issuer's subject) and key
 * chaining (the issuer's key verifies the signature). Authority/subject key
 * ids only order the candidates; several candidate issuers (cross-signed
 * CAs), duplicates and loops are handled.
 */
import type { ParsedCertificate } from "./decode";
import type { SignatureCheck, SignatureVerifier } from "./verify";

export interface IssuerLinks {
  /** Certificates whose subject equals the issuer name. */
  candidates: number[];
  /** Candidates whose key verifies the signature. */
  verified: number[];
  /** Candidates WebCrypto cannot check (e.g. MD5 or a P-192 key): trusted by name only. */
  unverifiable: number[];
}

/** Finds issuers by subject name in a pool of certificates. */
export class IssuerIndex {
  private readonly bySubject = new Map<string, number[]>();

  constructor(readonly certs: readonly ParsedCertificate[]) {
    certs.forEach((cert, i) => {
      const list = this.bySubject.get(cert.subjectKey);
      if (list) list.push(i);
      else this.bySubject.set(cert.subjectKey, [i]);
    });
  }

  /** Name-matching candidates, those whose SKI matches the child's AKI first. */
  candidates(child: ParsedCertificate, exclude: (i: number) => boolean): number[] {
    const list = (this.bySubject.get(child.issuerKey) ?? []).filter((i) => !exclude(i));
    const aki = child.decoded.authorityKeyId;
    if (!aki || list.length < 2) return list;
    const hinted = (i: number) => (this.certs[i]!.decoded.subjectKeyId === aki ? 0 : 1);
    return [...list].sort((a, b) => hinted(a) - hinted(b));
  }

  async links(
    child: ParsedCertificate,
    verifier: SignatureVerifier,
    exclude: (i: number) => boolean,
  ): Promise<IssuerLinks> {
    const candidates = this.candidates(child, exclude);
    const checks: SignatureCheck[] = await Promise.all(
      candidates.map((i) => verifier.check(child, this.certs[i]!)),
    );
    return {
      candidates,
      verified: candidates.filter((_, k) => checks[k] === "valid"),
      unverifiable: candidates.filter((_, k) => checks[k] === "unverifiable"),
    };
  }
}

export interface FoundPath {
  /** Node ids from the start up to the root (or as far as the chain goes). */
  path: number[];
  /** The path ends at a root. */
  complete: boolean;
}

/**
 * The shortest path from `start` to a root through `issuersOf`, by breadth-
 * first search (loops cannot trap it). When no root is reachable, the
 * longest loop-free run of first issuers is returned as a partial path.
 */
export function shortestPathToRoot(
  start: number,
  issuersOf: (node: number) => readonly number[],
  isRoot: (node: number) => boolean,
): FoundPath {
  const previous = new Map<number, number>();
  const seen = new Set<number>([start]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    if (isRoot(node)) {
      const path = [node];
      let current = node;
      while (current !== start) {
        current = previous.get(current)!;
        path.unshift(current);
      }
      return { path, complete: true };
    }
    for (const next of issuersOf(node)) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, node);
      queue.push(next);
    }
  }
  const path = [start];
  const onPath = new Set(path);
  for (;;) {
    const next = issuersOf(path[path.length - 1]!).find((n) => !onPath.has(n));
    if (next === undefined) break;
    path.push(next);
    onPath.add(next);
  }
  return { path, complete: false };
}
