import "server-only";
/**
 * The audit trail's tamper evidence. Each change record of a domain
 * carries its sequence number and the hash of the record before it (a
 * chain); the domain's digest object holds the newest record's sequence
 * and hash. A record edited, removed or added out of turn breaks the chain,
 * and one removed from the end leaves the chain shorter than its digest.
 *
 * A record takes its place by a compare-and-swap on the digest (If-Match),
 * so two records written at once never fork the chain. The digest moves
 * first: a crash between the two writes leaves a record missing, which
 * `verifyChain` reports, never a silent gap.
 */
import { createHash } from "node:crypto";
import { keySegment } from "../model/place";
import { freshReads } from "../aws/shared-reads";
import { sharedWork } from "../aws/shared-work";
import { getJson, listEntries, putJson } from "./store";
import type { AuditEvent } from "./audit-types";

export interface Digest {
  seq: number;
  head: string;
  at: string;
}

export const digestKey = (region: string, domainName: string) =>
  `digests/${keySegment(region)}/${keySegment(domainName)}.json`;

/** JSON with its keys sorted, at every depth: the same record always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export const hashOf = (event: AuditEvent) =>
  createHash("sha256").update(canonical(event)).digest("hex");

/**
 * Gives the record its place in its domain's chain (seq, prev) and moves
 * the digest to it; `write` then stores the record. Retried when another
 * record took the place first.
 */
export async function chained(
  event: AuditEvent,
  write: (event: AuditEvent) => Promise<unknown>,
): Promise<AuditEvent> {
  const key = digestKey(event.region, event.domainName);
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await getJson<Digest>(key);
    const linked: AuditEvent = {
      ...event,
      seq: (current?.value.seq ?? 0) + 1,
      prev: current?.value.head ?? "genesis",
    };
    const next: Digest = { seq: linked.seq!, head: hashOf(linked), at: linked.at };
    const moved = await putJson(
      key,
      next,
      current ? { ifMatch: current.etag } : { onlyIfAbsent: true },
    );
    if (!moved.written) {
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      continue;
    }
    await write(linked);
    return linked;
  }
  throw new Error(`the audit chain of ${event.domainName} is too busy to take a record`);
}

export interface ChainReport {
  ok: boolean;
  /** Records in the chain. */
  records: number;
  /** Records from before the chain began (no sequence number), not covered. */
  unchained: number;
  problem?: string;
}

/** Checks a domain's records, oldest first, against each other and against the digest. */
export async function verifyChain(
  records: AuditEvent[],
  digest: Digest | null,
): Promise<ChainReport> {
  // In the chain's own order: records written in the same millisecond sort by id in the listing.
  const chain = records
    .filter((r) => r.seq !== undefined)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const unchained = records.length - chain.length;
  const report = (problem?: string): ChainReport => ({
    ok: !problem,
    records: chain.length,
    unchained,
    ...(problem ? { problem } : {}),
  });
  let prev = "genesis";
  for (const [i, r] of chain.entries()) {
    if (r.seq !== i + 1)
      return report(
        `record ${i + 1} is missing or out of place (found sequence ${r.seq} at ${r.at}): records were removed or added.`,
      );
    if (r.prev !== prev)
      return report(
        `record ${r.seq} (${r.at}, ${r.user}, ${r.action}) does not follow the one before it: that one was edited or replaced.`,
      );
    prev = hashOf(r);
  }
  if (!digest) return chain.length ? report("the digest is missing.") : report();
  if (digest.seq !== chain.length)
    return report(
      `the digest counts ${digest.seq} records but ${chain.length} are there: ${digest.seq > chain.length ? "the newest were removed" : "records were added around the console"}.`,
    );
  if (digest.head !== prev)
    return report("the newest record is not the one the digest names: it was edited or replaced.");
  return report();
}

/** A domain's whole chain, read and checked (every record: for the domain page and `npm run audit -- verify`). */
export async function verifyDomainTrail(
  region: string,
  domainName: string,
  read: (entry: { key: string; etag: string }) => Promise<AuditEvent | null>,
  prefix: string,
): Promise<ChainReport> {
  // The listing is sent afresh, never joined to one sent earlier: a record
  // written before the digest was read must be in it. The whole check is
  // shared by the pages that ask while it runs (one listing for them all).
  return sharedWork(`audit chain ${prefix}`, () =>
    freshReads(async () => {
      const entries = await listEntries(prefix, 100_000);
      const records = (await Promise.all(entries.map(read))).filter((r): r is AuditEvent => !!r);
      const digest = (await getJson<Digest>(digestKey(region, domainName)))?.value ?? null;
      return verifyChain(records, digest);
    }),
  );
}
