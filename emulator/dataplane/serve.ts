/**
 * What API Gateway does with a request on a custom domain name or a REST
 * API's default endpoint: mutual TLS judged against the truststore version
 * in force (the old one while an update propagates), routing by base path
 * mappings to a stage, a mock integration that answers with what a Lambda
 * proxy integration would receive, and the stage's access log.
 */
import { createHash } from "node:crypto";
import {
  judgeClientCertificate,
  clientCertIdentity,
  type ClientCertIdentity,
} from "../../lib/truststore";
import { loadBundle } from "../../lib/truststore/check";
import { finishUpdating } from "../apigateway/domain-names-state";
import { parseS3Uri } from "../apigateway/truststore-warnings";
import type { Context } from "../http";
import { readObjectForTruststore } from "../s3/router";
import { stageKey, type DomainName, type RestApi, type Stage } from "../state";
import { logAccess } from "./access-log";

export interface DataPlaneRequest {
  host: string;
  method: string;
  path: string;
  /** PEMs the client presented, its certificate first. */
  clientChain: string[];
  sourceIp: string;
  at: number;
  /** How long a verdict for the same client and truststore is reused (default a minute; the demo's past traffic: a day). */
  verdictMs?: number;
}

export interface DataPlaneResponse {
  status: number;
  body: Record<string, unknown>;
  /** Why it was refused, in API Gateway's execution-log words. */
  reason?: string;
}

const FORBIDDEN = { message: "Forbidden" };

/** Where a request goes: a REST API's stage (with its access log) or an HTTP API's. */
interface Target {
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

/** The mutual TLS in force: while UPDATING, what was in force before the update. */
function servingMtls(domain: DomainName) {
  if (domain.status === "UPDATING" && domain.servingMutualTls !== undefined)
    return domain.servingMutualTls;
  return domain.mutualTls ?? null;
}

const verdicts = new Map<string, Promise<{ accepted: boolean; reason?: string }>>();

async function judge(ctx: Context, domain: DomainName, r: DataPlaneRequest) {
  const mtls = servingMtls(domain);
  if (!mtls) return { accepted: true };
  if (r.clientChain.length === 0)
    return { accepted: false, reason: "Access denied. Reason: No client certificate presented" };
  const { bucket, key } = parseS3Uri(mtls.truststoreUri);
  const object = readObjectForTruststore(ctx.state, bucket, key, mtls.truststoreVersion);
  if ("error" in object)
    return { accepted: false, reason: `Access denied. Reason: ${object.error}` };
  const id = createHash("sha256")
    .update(
      `${mtls.truststoreUri}#${object.versionId}#${Math.floor(r.at / (r.verdictMs ?? 60_000))}#${r.clientChain.join("")}`,
    )
    .digest("hex");
  let verdict = verdicts.get(id);
  if (!verdict) {
    verdict = judgeClientCertificate(object.body, r.clientChain.join("\n"), {
      at: new Date(r.at),
    }).then((result) => {
      const first = result.refusals[0];
      return result.accepted
        ? { accepted: true }
        : {
            accepted: false,
            reason: `Access denied. Reason: ${first?.awsLog ?? first?.message ?? "refused"}`,
          };
    });
    verdicts.set(id, verdict);
    if (verdicts.size > 2000) verdicts.delete(verdicts.keys().next().value!);
  }
  return verdict;
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
        stageName: stage.stageName,
        apiId: stage.restApiId,
        http: false,
        stage,
        resourcePath,
      };
  }
  return null;
}

const identities = new Map<string, Promise<ClientCertIdentity | null>>();

function identityOf(chain: string[]): Promise<ClientCertIdentity | null> {
  const pem = chain[0];
  if (!pem) return Promise.resolve(null);
  let found = identities.get(pem);
  if (!found) {
    found = loadBundle(pem).then((b) => {
      const leaf = b.certificates[0];
      return leaf ? clientCertIdentity(leaf.decoded) : null;
    });
    identities.set(pem, found);
    if (identities.size > 2000) identities.delete(identities.keys().next().value!);
  }
  return found;
}

/**
 * What a Lambda proxy integration receives: REST APIs put the client
 * certificate in requestContext.identity, HTTP APIs (payload format 2.0) in
 * requestContext.authentication.
 */
function integrationEvent(
  r: DataPlaneRequest,
  target: Target,
  requestId: string,
  clientCert: ClientCertIdentity | null,
): Record<string, unknown> {
  const path = r.path.split("?")[0];
  const context = {
    requestId,
    stage: target.stageName,
    apiId: target.apiId,
    domainName: target.domainName,
  };
  if (target.http)
    return {
      version: "2.0",
      rawPath: path,
      requestContext: {
        ...context,
        http: { method: r.method, path, sourceIp: r.sourceIp },
        ...(clientCert ? { authentication: { clientCert } } : {}),
      },
    };
  return {
    resource: "/{proxy+}",
    path,
    httpMethod: r.method,
    requestContext: {
      ...context,
      resourcePath: target.resourcePath,
      identity: { sourceIp: r.sourceIp, clientCert },
    },
  };
}

function answer(
  ctx: Context,
  r: DataPlaneRequest,
  target: Target | null,
  clientCert: ClientCertIdentity | null,
  refused?: string,
): DataPlaneResponse {
  const requestId = crypto.randomUUID();
  const body: Record<string, unknown> =
    refused || !target ? FORBIDDEN : integrationEvent(r, target, requestId, clientCert);
  const status = refused || !target ? 403 : 200;
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
      ...(refused ? { errorMessage: "Forbidden" } : {}),
    });
  return { status, body, ...(refused ? { reason: refused } : {}) };
}

function defaultEndpoint(
  ctx: Context,
  r: DataPlaneRequest,
  api: RestApi | undefined,
): DataPlaneResponse {
  if (!api) return { status: 403, body: FORBIDDEN, reason: "No such REST API" };
  if (api.disableExecuteApiEndpoint)
    return { status: 403, body: FORBIDDEN, reason: "The default execute-api endpoint is disabled" };
  const [stageName, ...rest] = r.path.split("?")[0]!.split("/").filter(Boolean);
  const stage = stageName ? ctx.state.stages[stageKey(api.region, api.id, stageName)] : undefined;
  const target = stage
    ? {
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
