/**
 * A domain's revocation lists, read from S3 and kept between invocations.
 * Every read is one conditional GetObject (If-None-Match: the ETag kept):
 * S3 answers 304 while the object is unchanged and the parsed document and
 * its parsed CRLs are reused; a new ETag is parsed once. The last good
 * lists are remembered beside any failure, so that a function configured
 * to fail open still refuses a client those lists revoke.
 */
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { parseRevocationDocument, type RevocationDocument } from "../lib/revocation/document";
import { crlsOf } from "../lib/revocation/verdict";

export interface LoadedLists {
  doc: RevocationDocument;
  crls: ReturnType<typeof crlsOf>;
  etag: string;
}

/** How the lists were had: parsed from a new object, or the kept ones confirmed unchanged. */
export type ListsSource = "loaded" | "unchanged";

export type ListsRead =
  | { ok: true; lists: LoadedLists; source: ListsSource }
  | { ok: false; problem: string; lastGood?: LoadedLists };

interface Kept {
  etag: string;
  lists?: LoadedLists;
  problem?: string;
}

interface Entry {
  kept?: Kept;
  lastGood?: LoadedLists;
}

/** A domain name as the document and revocationKey spell it. */
const domainKey = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** One sentence for an S3 failure; S3 answers AccessDenied for a missing key when ListBucket is not granted. */
function s3Problem(error: unknown, where: string): string {
  const name = (error as { name?: string })?.name ?? "Error";
  if (name === "NoSuchKey") return `The revocation lists ${where} do not exist (NoSuchKey).`;
  if (name === "AccessDenied" || statusOf(error) === 403)
    return `The revocation lists ${where} cannot be read (AccessDenied: a missing object reads so without s3:ListBucket).`;
  return `The revocation lists ${where} could not be read (${name}${statusOf(error) ? `, HTTP ${statusOf(error)}` : ""}).`;
}

/** Parses a fetched object once: the document, checked to name this domain, and its CRLs. */
function parseLists(text: string, etag: string, domainName: string): Kept {
  const parsed = parseRevocationDocument(text);
  if (!parsed.ok) return { etag, problem: parsed.problem };
  if (domainKey(parsed.doc.domainName) !== domainKey(domainName))
    return {
      etag,
      problem: `The revocation lists found for ${domainKey(domainName)} name another domain (${parsed.doc.domainName}).`,
    };
  return { etag, lists: { doc: parsed.doc, crls: crlsOf(parsed.doc), etag } };
}

const fromKept = (kept: Kept, entry: Entry, source: ListsSource): ListsRead =>
  kept.lists
    ? { ok: true, lists: kept.lists, source }
    : {
        ok: false,
        problem: kept.problem ?? "The revocation lists cannot be used.",
        ...(entry.lastGood ? { lastGood: entry.lastGood } : {}),
      };

/** The lists of every domain this function has served, by bucket and key. */
export class RevocationListCache {
  private readonly entries = new Map<string, Entry>();

  async read(s3: S3Client, bucket: string, key: string, domainName: string): Promise<ListsRead> {
    const id = `${bucket}/${key}`;
    const entry = this.entries.get(id) ?? {};
    this.entries.set(id, entry);
    const where = `s3://${bucket}/${key}`;
    let response;
    try {
      response = await s3.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ...(entry.kept?.etag ? { IfNoneMatch: entry.kept.etag } : {}),
        }),
      );
    } catch (error) {
      if (statusOf(error) === 304 && entry.kept) return fromKept(entry.kept, entry, "unchanged");
      return {
        ok: false,
        problem: s3Problem(error, where),
        ...(entry.lastGood ? { lastGood: entry.lastGood } : {}),
      };
    }
    const etag = response.ETag ?? "";
    // A store that ignores If-None-Match answers 200 with the same ETag: the kept lists still stand.
    if (entry.kept && etag && etag === entry.kept.etag) {
      await response.Body?.transformToString().catch(() => undefined);
      return fromKept(entry.kept, entry, "unchanged");
    }
    let text: string;
    try {
      text = (await response.Body?.transformToString("utf-8")) ?? "";
    } catch (error) {
      return {
        ok: false,
        problem: s3Problem(error, where),
        ...(entry.lastGood ? { lastGood: entry.lastGood } : {}),
      };
    }
    entry.kept = parseLists(text, etag, domainName);
    if (entry.kept.lists) entry.lastGood = entry.kept.lists;
    return fromKept(entry.kept, entry, "loaded");
  }
}
