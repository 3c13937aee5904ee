/**
 * The revocation authorizer: a Lambda REQUEST authorizer for REST APIs and
 * HTTP APIs on custom domains with mutual TLS. API Gateway checks the
 * client certificate's chain against the truststore but not revocation;
 * this function refuses a certificate that its domain's revocation lists
 * (lib/revocation/document.ts, one S3 object per domain) revoke, judged
 * with the shared verdict (lib/revocation/verdict.ts). No client
 * certificate (a domain without mutual TLS, the default endpoint) is
 * refused. One JSON log line per decision, without the certificate.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { revocationKey } from "../lib/revocation/document";
import { settingsFromEnv, sharedS3Client, type AuthorizerSettings } from "./config";
import { decide, type Decision } from "./decision";
import { readEvent, type AuthorizerEvent, type ReadEvent } from "./events";
import { responseFor, type AuthorizerResponse } from "./responses";
import { RevocationListCache, type ListsRead } from "./revocation-lists";

export type { AuthorizerEvent } from "./events";
export type { AuthorizerResponse } from "./responses";

export interface HandlerOptions extends Partial<Pick<AuthorizerSettings, "prefix" | "failOpen">> {
  bucket: string;
  s3Client: S3Client;
  /** The lists kept between invocations; a handler of its own unless given. */
  cache?: RevocationListCache;
  /** Where the decision line goes (console.log). */
  log?: (line: string) => void;
}

export type Handler = (event: AuthorizerEvent) => Promise<AuthorizerResponse>;

const refuse = (reason: Decision["reason"], detail: string): Decision => ({
  allow: false,
  reason,
  revocationChecked: false,
  detail,
});

async function judge(
  event: ReadEvent,
  options: HandlerOptions & { cache: RevocationListCache },
): Promise<{ decision: Decision; read?: ListsRead; key?: string }> {
  if (!event.cert)
    return {
      decision: refuse(
        "no-client-certificate",
        "The request carries no client certificate (a domain without mutual TLS, or the default endpoint).",
      ),
    };
  if (!options.bucket)
    return {
      decision: refuse("not-configured", "REVOCATION_BUCKET is not set: every client is refused."),
    };
  const failOpen = options.failOpen ?? false;
  if (!event.domainName) {
    const read: ListsRead = { ok: false, problem: "The request names no domain." };
    return {
      decision: decide(event.cert.clientCertPem, read, { failOpen, now: new Date() }),
      read,
    };
  }
  const key = revocationKey(event.domainName, options.prefix);
  const read = await options.cache.read(options.s3Client, options.bucket, key, event.domainName);
  return {
    decision: decide(event.cert.clientCertPem, read, { failOpen, now: new Date() }),
    read,
    key,
  };
}

/** A handler for this configuration (the tests point one at a local S3). */
export function makeHandler(options: HandlerOptions): Handler {
  const settings = { ...options, cache: options.cache ?? new RevocationListCache() };
  const log = options.log ?? ((line: string) => console.log(line));
  return async (event) => {
    const started = Date.now();
    const read = readEvent(event);
    let outcome: Awaited<ReturnType<typeof judge>>;
    try {
      outcome = await judge(read, settings);
    } catch {
      outcome = { decision: refuse("lists-unreadable", "The authorizer failed unexpectedly.") };
    }
    const { decision } = outcome;
    log(
      JSON.stringify({
        message: "revocation decision",
        decision: decision.allow ? "allow" : "deny",
        reason: decision.reason,
        detail: decision.detail,
        revocationChecked: decision.revocationChecked,
        failOpen: options.failOpen ?? false,
        kind: read.kind,
        domainName: read.domainName,
        subjectDN: read.cert?.subjectDN,
        issuerDN: read.cert?.issuerDN,
        serialNumber: read.cert?.serialNumber,
        sourceIp: read.sourceIp,
        resource: read.resource,
        listsKey: outcome.key,
        lists: outcome.read ? (outcome.read.ok ? outcome.read.source : "unreadable") : undefined,
        listsEtag: outcome.read?.ok ? outcome.read.lists.etag : undefined,
        ms: Date.now() - started,
      }),
    );
    return responseFor(read, decision);
  };
}

const functionCache = new RevocationListCache();

/** The Lambda entry point (index.handler): configuration from the environment at each call. */
export const handler: Handler = (event) =>
  makeHandler({
    ...settingsFromEnv(),
    s3Client: sharedS3Client(),
    cache: functionCache,
  })(event);
