/**
 * Signature checks started while a bundle is still being decoded. Each
 * certificate, once decoded, is checked against the same-named issuers
 * decoded before it, and the certificates decoded before it that name it
 * as their issuer are checked against it. With libuv's threads (Node) or
 * WebCrypto (a browser) the checks run beside the decoding of the rest,
 * and chain building (./chains.ts) later finds them answered: the verifier
 * keeps each pair's answer.
 *
 * The pairs are those chain building checks: duplicates take part in
 * nothing, a self-issued certificate is checked against itself, and a
 * certificate against one issuer per distinct key, at most
 * MAX_ISSUER_CANDIDATES keys, leaving to chain building the issuers whose
 * key id is not the one the certificate names (it tries those last). Where
 * chain building would pick another issuer of the same key (or other
 * candidates among more than that many), it checks that pair itself: an
 * early check only saves time, never decides anything.
 */
import { MAX_ISSUER_CANDIDATES } from "./chains";
import type { ParsedCertificate } from "./decode";
import type { SignatureVerifier } from "./verify";

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

export class EarlyChecks {
  private readonly fingerprints = new Set<string>();
  private readonly bySubject = new Map<string, ParsedCertificate[]>();
  /** Certificates (not self-issued) by their issuer's name, while they may take more issuers. */
  private readonly waiting = new Map<string, ParsedCertificate[]>();
  /** For each certificate, the issuer keys it was checked against. */
  private readonly keysTried = new Map<ParsedCertificate, Set<string>>();

  constructor(private readonly verifier: SignatureVerifier) {}

  /** A certificate just decoded, in the bundle's order. */
  add(cert: ParsedCertificate): void {
    const { fingerprintSha256, selfIssued } = cert.decoded;
    if (this.fingerprints.has(fingerprintSha256)) return;
    this.fingerprints.add(fingerprintSha256);
    if (selfIssued) {
      void this.verifier.check(cert, cert);
    } else {
      for (const issuer of this.bySubject.get(cert.issuerKey) ?? []) {
        if (!this.tryPair(cert, issuer)) break;
      }
      if (!this.full(cert)) listIn(this.waiting, cert.issuerKey).push(cert);
    }
    const children = this.waiting.get(cert.subjectKey);
    if (children) {
      for (const child of children) this.tryPair(child, cert);
      const open = children.filter((child) => !this.full(child));
      if (open.length) this.waiting.set(cert.subjectKey, open);
      else this.waiting.delete(cert.subjectKey);
    }
    listIn(this.bySubject, cert.subjectKey).push(cert);
  }

  private full(child: ParsedCertificate): boolean {
    return (this.keysTried.get(child)?.size ?? 0) >= MAX_ISSUER_CANDIDATES;
  }

  /**
   * Starts the check of child by issuer unless its key was tried; false
   * once the child is full. An issuer whose key id is not the one the child
   * names is left to chain building, which tries those last.
   */
  private tryPair(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
    const named = child.decoded.authorityKeyId;
    const id = issuer.decoded.subjectKeyId;
    if (named && id && id !== named) return true;
    let keys = this.keysTried.get(child);
    if (!keys) this.keysTried.set(child, (keys = new Set()));
    if (keys.size >= MAX_ISSUER_CANDIDATES) return false;
    const key = issuer.decoded.publicKeySha256;
    if (!keys.has(key)) {
      keys.add(key);
      void this.verifier.check(child, issuer);
    }
    return keys.size < MAX_ISSUER_CANDIDATES;
  }
}
