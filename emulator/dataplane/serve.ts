/**
 * What API Gateway does with a request on a custom domain name or a REST
 * API's default endpoint: mutual TLS judged against the truststore version
 * in force (the old one while an update propagates), routing by base path
 * mappings to a stage, the method or route and its authorization
 * (./authorize.ts), a mock integration that answers with what a Lambda
 * proxy integration would receive, and the stage's access log.
 */
import type { ClientCertIdentity } from "../../lib/truststore";
import { finishUpdating } from "../apigateway/domain-names-state";
import type { Context } from "../http";
import { stageKey, type DomainName, type RestApi, type Stage } from "../state";
import { logAccess } from "./access-log";
import { authorize } from "./authorize";
import { integrationEvent } from "./integration-event";
import { identityOf, judge, servingMtls } from "./mtls-verdict";
import type { RoutedRequest } from "./request-context";

export interface DataPlaneRequest {
  host: string;
  method: string;
  path: string;
  /** PEMs the client presented, its certificate first. */
  clientChain: string[];
  sourceIp: string;
  /** As sent (the demo's past traffic has none). */
  headers?: Record<string, string | string[] | undefined>;
  at: number;
  /** How long a verdict for the same client and truststore is reused (default a minute; the demo's past traffic: a day). */
  verdictMs?: number;
}

export interface DataPlaneResponse {
  status: number;
  body: Record<string, unknown>;
  /** x-amzn-ErrorType of a refusal other than ForbiddenException. */
  errorType?: string;
  /** Why it was refused, in API Gateway's execution-log words. */
  reason?: string;
}

const FORBIDDEN = { message: "Forbidden" };

/** Where a request goes: a REST API's stage (with its access log) or an HTTP API's. */
interface Target {
  region: string;
  stageName: string;
  apiId: string;
  http: boolean;
  stage?: Stage;
  resourcePath: string;
  domainName: string;
}
const DEFAULT_ENDPOINT = /^([a-z0-9]{10})\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;

export function findDomainByHost(ctx: Context, host: string): DomainName | undefined {
  return Object.values(ctx.state.domains).find((d) => d.domainName.toLowerCase() === host);
}

function route(ctx: Context, domain: DomainName, path: string) {
  const segments = path.split("?")[0]!.split("/").filter(Boolean).map(decodeURIComponent);
  const mappings = Object.values(ctx.state.mappings)
    .filter((m) => m.region === domain.region && m.domainName === domain.domainName)
    .sort((a, b) => b.basePath.length - a.basePath.length);
  for (const m of mappings) {
    const base = m.basePath ? m.basePath.split("/") : [];
    if (!base.every((part, i) => segments[i] === part)) continue;
    const rest = segments.slice(base.length);
    const stageName = m.stage ?? rest.shift();
    const resourcePath = `/${rest.join("/")}`;
    if (m.apiType === "HTTP") {
      const api = Object.values(ctx.state.httpApis).find(
        (a) => a.apiId === m.restApiId && a.region === m.region,
      );
      if (stageName && api?.stages.includes(stageName)) {
        const stage = ctx.state.stages[stageKey(m.region, api.apiId, stageName)];
        return {
          region: m.region,
          stageName,
          apiId: api.apiId,
          http: true,
          resourcePath,
          ...(stage ? { stage } : {}),
        };
      }
      continue;
    }
    const stage = stageName
      ? ctx.state.stages[stageKey(m.region, m.restApiId, stageName)]
      : undefined;
    if (stage)
      return {
        region: m.region,
        stageName: stage.stageName,
        apiId: stage.restApiId,
        http: false,
        stage,
        resourcePath,
      };
  }
  return null;
}

interface Outcome {
  status: number;
  body: Record<string, unknown>;
  errorType?: string;
  reason?: string;
}

const refusedBy = (reason: string): Outcome => ({ status: 403, body: FORBIDDEN, reason });

/** Routed to a stage: the method or route, its authorization, then the mock integration. */
async function integrate(
  ctx: Context,
  r: DataPlaneRequest,
  target: Target,
  clientCert: ClientCertIdentity | null,
  requestId: string,
): Promise<Outcome & { routed?: RoutedRequest }> {
  const [path = "/", rawQuery = ""] = r.path.split(/\?(.*)/s);
  const { headers, multiValueHeaders } = headersOf(r.headers ?? {});
  const authorization = await authorize(ctx, {
    requestId,
    at: r.at,
    region: target.region,
    apiId: target.apiId,
    stageName: target.stageName,
    http: target.http,
    domainName: target.domainName,
    method: r.method,
    path,
    resourcePath: target.resourcePath,
    rawQuery,
    headers,
    multiValueHeaders,
    sourceIp: r.sourceIp,
    clientCert,
  });
  if (!authorization.ok) return authorization;
  return { status: 200, body: integrationEvent(authorization.routed, authorization.authorizer) };
}

function headersOf(raw: NonNullable<DataPlaneRequest["headers"]>) {
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw))
    if (value !== undefined) multiValueHeaders[name] = Array.isArray(value) ? value : [value];
  const headers = Object.fromEntries(
    Object.entries(multiValueHeaders).map(([k, v]) => [k, v.join(",")]),
  );
  return { headers, multiValueHeaders };
}

async function answer(
  ctx: Context,
  r: DataPlaneRequest,
  target: Target | null,
  clientCert: ClientCertIdentity | null,
  refused?: string,
): Promise<DataPlaneResponse> {
  const requestId = crypto.randomUUID();
  const outcome: Outcome =
    refused || !target
      ? refusedBy(refused ?? "No base path mapping or stage")
      : await integrate(ctx, r, target, clientCert, requestId);
  const { status, body } = outcome;
  const failed = status >= 400 ? String(body.message ?? body.Message ?? "") : "";
  if (target?.stage)
    logAccess(ctx, target.stage, {
      requestId,
      at: r.at,
      sourceIp: r.sourceIp,
      method: r.method,
      path: r.path.split("?")[0]!,
      resourcePath: target.resourcePath,
      status,
      responseLength: JSON.stringify(body).length,
      domainName: target.domainName,
      clientCert,
      ...(failed ? { errorMessage: failed } : {}),
    });
  return {
    status,
    body,
    ...(outcome.errorType ? { errorType: outcome.errorType } : {}),
    ...(status >= 400 && outcome.reason ? { reason: outcome.reason } : {}),
  };
}

function defaultEndpoint(
  ctx: Context,
  r: DataPlaneRequest,
  api: RestApi | undefined,
): Promise<DataPlaneResponse> | DataPlaneResponse {
  if (!api) return { status: 403, body: FORBIDDEN, reason: "No such REST API" };
  if (api.disableExecuteApiEndpoint)
    return { status: 403, body: FORBIDDEN, reason: "The default execute-api endpoint is disabled" };
  const [stageName, ...rest] = r.path.split("?")[0]!.split("/").filter(Boolean);
  const stage = stageName ? ctx.state.stages[stageKey(api.region, api.id, stageName)] : undefined;
  const target = stage
    ? {
        region: api.region,
        stageName: stage.stageName,
        apiId: api.id,
        http: false,
        stage,
        resourcePath: `/${rest.join("/")}`,
        domainName: r.host,
      }
    : null;
  return answer(ctx, r, target, null);
}

export async function serveRequest(ctx: Context, r: DataPlaneRequest): Promise<DataPlaneResponse> {
  const host = r.host.toLowerCase();
  const execute = DEFAULT_ENDPOINT.exec(host);
  if (execute) {
    const api = Object.values(ctx.state.restApis).find(
      (a) => a.id === execute[1] && a.region === execute[2],
    );
    return defaultEndpoint(ctx, { ...r, host }, api);
  }
  const found = findDomainByHost(ctx, host);
  if (!found) return { status: 403, body: FORBIDDEN, reason: `No custom domain name ${host}` };
  const domain = finishUpdating(found, ctx);
  const mtls = servingMtls(domain);
  const verdict = await judge(ctx, domain, r);
  const clientCert = mtls ? await identityOf(r.clientChain) : null;
  const target = route(ctx, domain, r.path);
  return answer(
    ctx,
    r,
    target && { ...target, domainName: domain.domainName },
    clientCert,
    verdict.accepted ? undefined : verdict.reason,
  );
}
