import "server-only";
/**
 * Everything the domain page shows, composed from API Gateway, ACM and S3.
 * Only the domain itself must be read; every other part is its own Loaded
 * read, so one failed call costs its section, never the page.
 */
import { describeCertificate } from "../../aws/acm";
import { getBasePathMappings, getDomainName, getRestApi } from "../../aws/api-gateway";
import { getHttpApiMappings, listRoutingRules, type ApiMappingView } from "../../aws/apigatewayv2";
import { parseS3Uri, type S3Location } from "../../aws/s3";
import { freshReads } from "../../aws/shared-reads";
import { listAuditEvents, type AuditEvent } from "../../records/audit";
import { readPart, type Loaded } from "../shared/loaded";
import { openableUri } from "../versions/readable-truststore";
import {
  driftOf,
  inDoubtChanges,
  judgedAt,
  readLockView,
  type Drift,
  type InDoubtView,
  type LockView,
} from "../changes/change-state";
import {
  routesByRules,
  type BasePathMappingView,
  type MtlsDomain,
  type RoutingRuleView,
  type ServerCertificate,
} from "../../model/domain";

/** Where the domain's truststore is; its versions are read separately (./truststore-view.ts) and stream in. */
export interface TruststoreRef {
  uri: string;
  location: S3Location | null;
  /** The version the domain is pinned to; none: it follows the latest object. */
  pinnedVersionId?: string;
  /** Why the truststore cannot be read, when that is known already. */
  problem?: string;
  /** Opened by the user by its S3 URI: the backend does not report the domain's own. */
  opened?: boolean;
}

export interface DomainDetail {
  domain: MtlsDomain;
  serverCertificate: Loaded<ServerCertificate | null>;
  ownershipCertificate: Loaded<ServerCertificate | null>;
  truststore?: TruststoreRef;
  mappings: Loaded<BasePathMappingView[]>;
  /** Mappings to HTTP APIs (API Gateway v2's API mappings of the same domain). */
  httpMappings: Loaded<ApiMappingView[]>;
  /** Its routing rules, where it routes by rules (routingMode); null where it does not. */
  routingRules: Loaded<RoutingRuleView[]> | null;
  /** The time everything was evaluated at (ms since the epoch). */
  evaluatedAt: number;
  /** The audit trail of this domain, newest first. */
  history: Loaded<AuditEvent[]>;
  /** Changes not finished: the domain's lock, and changes in doubt beside the real state. */
  changes: Loaded<{ lock: LockView | null; inDoubt: InDoubtView[] }>;
  /** The last recorded version change, when the domain is no longer where it left it. */
  drift: Drift | null;
}

const certificate = (arn: string | undefined, region: string, what: string) =>
  readPart(() => (arn ? describeCertificate(arn, region) : Promise.resolve(null)), what);

async function mappingsOf(name: string, region: string): Promise<BasePathMappingView[]> {
  const mappings = await getBasePathMappings(name, region);
  const apis = await Promise.all(
    [...new Set(mappings.map((m) => m.restApiId))].map((id) => getRestApi(id, region)),
  );
  for (const m of mappings) {
    const api = apis.find((a) => a?.id === m.restApiId);
    if (api) m.api = api;
  }
  return mappings;
}

/** The version a domain is at ("" for none), or null when mutual TLS is off or unknown. */
const versionOf = (domain: MtlsDomain) =>
  domain.mtls ? (domain.mtls.truststoreVersion ?? "") : null;

/**
 * `openUri`: a truststore the user opened by its S3 URI, used only where
 * the backend does not report the domain's mutual TLS.
 */
export async function getDomainDetail(
  name: string,
  region: string,
  openUri?: string,
): Promise<DomainDetail | null> {
  let domain = await getDomainName(name, region);
  if (!domain) return null;
  let actualVersion = versionOf(domain);
  const [serverCertificate, ownershipCertificate, mappings, httpMappings, history, changes, rules] =
    await Promise.all([
      certificate(domain.certificateArn, region, "the server certificate"),
      certificate(
        domain.ownershipVerificationCertificateArn,
        region,
        "the ownership verification certificate",
      ),
      readPart(() => mappingsOf(name, region), "the base path mappings"),
      readPart(() => getHttpApiMappings(name, region), "the HTTP API mappings"),
      readPart(() => listAuditEvents(name, region), "the audit trail"),
      readPart(async () => {
        const lock = await readLockView(name, region);
        return { lock, inDoubt: await inDoubtChanges(name, region, actualVersion, lock) };
      }, "the changes in progress"),
      routesByRules(domain)
        ? readPart(() => listRoutingRules(name, region), "the routing rules")
        : Promise.resolve(null),
    ]);
  let drift = history.ok ? driftOf(history.value, actualVersion) : null;
  // The domain was read before the records: a change finished in between
  // (elsewhere) would show as drift, or as a change in doubt not landed.
  // Only then is the domain read again, afresh, and judged as it is now.
  const doubted = changes.ok && changes.value.inDoubt.some((c) => !c.running && c.landed !== "yes");
  if (drift || doubted) {
    const now = await freshReads(() => getDomainName(name, region)).catch(() => null);
    if (now && versionOf(now) !== actualVersion) {
      domain = now;
      actualVersion = versionOf(now);
      drift = history.ok ? driftOf(history.value, actualVersion) : null;
      if (changes.ok)
        changes.value.inDoubt = changes.value.inDoubt.map((c) => judgedAt(c, actualVersion));
    }
  }
  const detail: DomainDetail = {
    domain,
    serverCertificate,
    ownershipCertificate,
    mappings,
    httpMappings,
    routingRules: rules,
    evaluatedAt: Date.now(),
    history,
    changes,
    drift,
  };
  if (domain.mtls) {
    const location = parseS3Uri(domain.mtls.truststoreUri);
    detail.truststore = { uri: domain.mtls.truststoreUri, location };
    if (domain.mtls.truststoreVersion)
      detail.truststore.pinnedVersionId = domain.mtls.truststoreVersion;
    if (!location)
      detail.truststore.problem = "The truststore URI is not of the form s3://bucket/key.";
  } else if (domain.mtlsState === "unknown" && openUri) {
    const opened = openableUri(openUri);
    detail.truststore =
      "problem" in opened
        ? { uri: openUri, location: null, problem: opened.problem, opened: true }
        : { uri: openUri.trim(), location: opened.location, opened: true };
  }
  return detail;
}
