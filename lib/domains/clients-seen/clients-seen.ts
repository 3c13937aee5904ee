import "server-only";
/**
 * "Clients seen": every distinct client certificate in the access logs of
 * the stages mapped to a domain, over a window. One Logs Insights query per
 * domain and window (per distinct set of field names), kept for 5 minutes.
 */
import type { SeenClient } from "../../truststore";
import { getBasePathMappings, getDomainName } from "../../aws/api-gateway";
import { getHttpApiMappings, getHttpStageLogging, listRoutingRules } from "../../aws/apigatewayv2";
import { routesByRules } from "../../model/domain";
import { logGroupName, runInsightsQuery } from "../../aws/logs";
import { getStageLogging } from "../../aws/stages";
import { clientCertKeys, contextKeys, type ClientCertField } from "../../model/access-log-format";
import { keptReads } from "../shared/kept-reads";

export const WINDOWS = [1, 7, 30] as const;
export type WindowDays = (typeof WINDOWS)[number];
export const isWindow = (v: unknown): v is WindowDays => WINDOWS.includes(v as WindowDays);

export interface StageAccessLog {
  /** The REST API's id, or the HTTP API's (with `http`). */
  restApiId: string;
  /** A stage of an HTTP API (API Gateway v2). */
  http?: boolean;
  stageName: string;
  basePath: string;
  /** ready: logs client certificates; missing-fields: logs, without them; none: no access log. */
  state: "ready" | "missing-fields" | "none";
  /** The format has the domain field: its clients can be told apart from other domains' of the stage. */
  attributable: boolean;
  format?: string;
  destinationArn?: string;
}

export interface ClientsSeen {
  days: WindowDays;
  stages: StageAccessLog[];
  clients: SeenClient[];
  requests: number;
  bytesScanned: number;
  queriedAt: string;
}

const TTL_MS = 5 * 60_000;
const kept = keptReads<ClientsSeen>({ max: 500, ttlMs: TTL_MS });

/** Forgets what was read for a domain (its stages' logging changed). */
export function forgetClientsSeen(domainName: string, region: string): void {
  kept.forget((key) => key.startsWith(`${region}|${domainName}|`));
}

/** A stage mapped to a domain: of a REST API (base path mapping) or of an HTTP API (v2). */
export interface MappedStage {
  apiId: string;
  stage: string;
  basePath: string;
  http: boolean;
}

/**
 * The stages the domain sends requests to, each once: its base path
 * mappings (a REST id v1 lists beside v2 is v2's HTTP API) and, where it
 * routes by rules, the REST API stages its routing rules invoke.
 */
export async function mappedStages(domainName: string, region: string): Promise<MappedStage[]> {
  const [rest, http, domain] = await Promise.all([
    getBasePathMappings(domainName, region),
    getHttpApiMappings(domainName, region),
    getDomainName(domainName, region),
  ]);
  const rules = domain && routesByRules(domain) ? await listRoutingRules(domainName, region) : [];
  const httpIds = new Set(http.map((m) => m.apiId));
  const mapped = [
    ...rest
      .filter((m) => m.stage && !httpIds.has(m.restApiId))
      .map((m) => ({ apiId: m.restApiId, stage: m.stage!, basePath: m.basePath, http: false })),
    ...http.map((m) => ({ apiId: m.apiId, stage: m.stage, basePath: m.key, http: true })),
    ...rules.map((r) => ({
      apiId: r.apiId,
      stage: r.stage,
      basePath: r.basePaths[0] ?? "",
      http: false,
    })),
  ];
  return [...new Map(mapped.map((m) => [`${m.http}/${m.apiId}/${m.stage}`, m])).values()];
}

/** A stage's access log settings, through v1 or v2; null when the stage does not exist. */
export function stageLoggingOf(m: Omit<MappedStage, "basePath">, region: string) {
  return (m.http ? getHttpStageLogging : getStageLogging)(m.apiId, m.stage, region);
}

async function stagesOf(domainName: string, region: string): Promise<StageAccessLog[]> {
  const stages = await mappedStages(domainName, region);
  const read = await Promise.all(
    stages.map(async (m) => ({ m, logging: await stageLoggingOf(m, region) })),
  );
  return read.map(({ m, logging }) => {
    const log = logging?.accessLog;
    return {
      restApiId: m.apiId,
      ...(m.http ? { http: true } : {}),
      stageName: m.stage,
      basePath: m.basePath,
      state: !log ? "none" : clientCertKeys(log.format) ? "ready" : "missing-fields",
      attributable: !!log && !!contextKeys(log.format).domainName,
      ...(log ? { format: log.format, destinationArn: log.destinationArn } : {}),
    };
  });
}

type QueryKeys = Record<ClientCertField, string> & {
  domain?: string;
  status?: string;
  error?: string;
};

/** Logs Insights' test that a logged domain is this one: a wildcard domain logs the host that was called. */
function domainTest(field: string, domainName: string): string {
  const clean = domainName.replace(/[^A-Za-z0-9.*-]/g, "");
  if (!clean.startsWith("*.")) return `${field} = "${clean}"`;
  return `${field} like /\\.${clean.slice(2).replace(/\*/g, "").replace(/\./g, "\\.")}$/`;
}

/** One client and outcome a row: only this domain's requests where the format names the domain. */
function query(k: QueryKeys, domainName: string): string {
  const by = [k.subjectDN, k.issuerDN, k.serialNumber, k.notAfter, k.status, k.error].filter(
    (f): f is string => !!f,
  );
  return [
    `fields @timestamp, ${by.join(", ")}${k.domain ? `, ${k.domain}` : ""}`,
    `filter ispresent(${k.serialNumber}) and ${k.serialNumber} != "-"${k.domain ? ` and ${domainTest(k.domain, domainName)}` : ""}`,
    `stats count(*) as requests, max(@timestamp) as lastSeen by ${by.join(", ")}`,
    "sort requests desc",
    "limit 10000",
  ].join(" | ");
}

/** Adds one row (a client and one outcome) to the merged clients. */
function merge(into: Map<string, SeenClient>, client: SeenClient): void {
  const id = `${client.issuerDN}\u0000${client.serialNumber}`;
  const before = into.get(id);
  if (!before) return void into.set(id, client);
  before.requests += client.requests;
  if (client.lastSeen > before.lastSeen) before.lastSeen = client.lastSeen;
  for (const [status, n] of Object.entries(client.statuses ?? {}))
    (before.statuses ??= {})[status] = (before.statuses[status] ?? 0) + n;
  for (const r of client.refusals ?? [])
    if (!before.refusals?.includes(r)) (before.refusals ??= []).push(r);
  if (!client.domainUnknown) delete before.domainUnknown;
}

async function read(domainName: string, region: string, days: WindowDays): Promise<ClientsSeen> {
  const stages = await stagesOf(domainName, region);
  const byKeys = new Map<string, { keys: QueryKeys; groups: Set<string> }>();
  for (const s of stages) {
    const cert = s.state === "ready" ? clientCertKeys(s.format!) : null;
    const group = s.destinationArn ? logGroupName(s.destinationArn) : null;
    if (!cert || !group) continue;
    const context = contextKeys(s.format!);
    const keys: QueryKeys = {
      ...cert,
      ...(context.domainName ? { domain: context.domainName } : {}),
      ...(context.status ? { status: context.status } : {}),
      ...(context.errorMessage ? { error: context.errorMessage } : {}),
    };
    const id = JSON.stringify(keys);
    if (!byKeys.has(id)) byKeys.set(id, { keys, groups: new Set() });
    byKeys.get(id)!.groups.add(group);
  }
  const end = new Date();
  const start = new Date(end.getTime() - days * 86_400_000);
  const merged = new Map<string, SeenClient>();
  let bytesScanned = 0;
  for (const { keys, groups } of byKeys.values()) {
    const outcome = await runInsightsQuery(
      [...groups],
      query(keys, domainName),
      { start, end },
      region,
    );
    bytesScanned += outcome.bytesScanned;
    for (const row of outcome.rows) {
      const requests = Number(row.requests ?? 0);
      const status = keys.status ? row[keys.status] : undefined;
      const refusal = keys.error ? row[keys.error] : undefined;
      merge(merged, {
        subjectDN: row[keys.subjectDN] ?? "",
        issuerDN: row[keys.issuerDN] ?? "",
        serialNumber: row[keys.serialNumber] ?? "",
        notAfter: row[keys.notAfter] ?? "",
        requests,
        lastSeen: row.lastSeen ?? "",
        ...(status && status !== "-" ? { statuses: { [status]: requests } } : {}),
        ...(refusal && refusal !== "-" && Number(status) >= 400 ? { refusals: [refusal] } : {}),
        ...(keys.domain ? {} : { domainUnknown: true }),
      });
    }
  }
  const clients = [...merged.values()].sort((a, b) => b.requests - a.requests);
  return {
    days,
    stages,
    clients,
    requests: clients.reduce((n, c) => n + c.requests, 0),
    bytesScanned,
    queriedAt: end.toISOString(),
  };
}

export function clientsSeen(
  domainName: string,
  region: string,
  days: WindowDays,
): Promise<ClientsSeen> {
  return kept.get(`${region}|${domainName}|${days}`, () => read(domainName, region, days));
}

/**
 * The clients seen in the last 7 days, as the lockout guard weighs a change
 * with them; null when the logs cannot say (no access log with the client
 * certificate and domain fields, or the query failed). A stage whose log
 * lacks the domain field makes it null: its clients are never counted as
 * this domain's, and none is left out either; the guard then weighs the
 * change by its chains alone.
 */
export async function seenForGuard(
  domainName: string,
  region: string,
): Promise<{ clients: SeenClient[]; days: number } | null> {
  try {
    const seen = await clientsSeen(domainName, region, 7);
    // Only when every logging stage says which domain a client called: a stage whose log lacks
    // the domain field can say neither that its clients are this domain's nor that they are not.
    const ready = seen.stages.filter((s) => s.state === "ready");
    return ready.length > 0 && ready.every((s) => s.attributable)
      ? { clients: seen.clients, days: 7 }
      : null;
  } catch {
    return null;
  }
}
