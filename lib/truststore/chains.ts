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

/**
 * At most this many same-named certificates are considered as a
 * certificate's issuer (those whose subject key id matches its authority
 * key id first). Real truststores hold a few per name (renewals, cross-
 * signs); a hostile one with hundreds would otherwise make chain building
 * quadratic in signature checks and in path search.
 */
export const MAX_ISSUER_CANDIDATES = 16;

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

  /** Name-matching candidates, those whose SKI matches the child's AKI first; at most MAX_ISSUER_CANDIDATES. */
  candidates(child: ParsedCertificate, exclude: (i: number) => boolean): number[] {
    const all = this.bySubject.get(child.issuerKey) ?? [];
    const aki = child.decoded.authorityKeyId;
    const list: number[] = [];
    const rest: number[] = [];
    for (const i of all) {
      if (exclude(i)) continue;
      if (aki && this.certs[i]!.decoded.subjectKeyId === aki) list.push(i);
      else rest.push(i);
      if (list.length >= MAX_ISSUER_CANDIDATES) break;
    }
    for (const i of rest) {
      if (list.length >= MAX_ISSUER_CANDIDATES) break;
      list.push(i);
    }
    return list;
  }

  async links(
    child: ParsedCertificate,
    verifier: SignatureVerifier,
    exclude: (i: number) => boolean,
  ): Promise<IssuerLinks> {
    const candidates = this.candidates(child, exclude);
    // One signature check per distinct issuer key: same-keyed candidates (renewals) share the verdict.
    const byKey = new Map<string, Promise<SignatureCheck>>();
    const checks: SignatureCheck[] = await Promise.all(
      candidates.map((i) => {
        const issuer = this.certs[i]!;
        const key = issuer.decoded.publicKeySha256;
        let check = byKey.get(key);
        if (!check) byKey.set(key, (check = verifier.check(child, issuer)));
        return check;
      }),
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
