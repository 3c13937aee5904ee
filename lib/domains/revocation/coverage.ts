import "server-only";
/**
 * Where revocation is enforced: for every API stage the domain sends
 * requests to, each REST method or HTTP API route, and whether the
 * revocation authorizer (a Lambda authorizer running the function named by
 * REVOCATION_AUTHORIZER_FUNCTION, "mtls-revocation-authorizer" by default)
 * protects it. An unprotected one is said plainly: "revocation is not
 * enforced on GET /orders of partners-api/prod".
 */
import { getRestApi } from "../../aws/api-gateway";
import { findV2Api } from "../../aws/apigatewayv2";
import {
  httpApiOperations,
  restApiOperations,
  type ApiOperations,
  type AuthorizerView,
} from "../../aws/authorizers";
import { mappedStages, type MappedStage } from "../clients-seen/clients-seen";

export const DEFAULT_AUTHORIZER_FUNCTION = "mtls-revocation-authorizer";

/** The function name the console looks for in authorizers' URIs. */
export const authorizerFunctionName = (env: Record<string, string | undefined> = process.env) =>
  env.REVOCATION_AUTHORIZER_FUNCTION?.trim() || DEFAULT_AUTHORIZER_FUNCTION;

/** arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER] → NAME */
export const functionNameOf = (arn: string) => /:function:([^:]+)/.exec(arn)?.[1] ?? arn;

export interface CoverageRow {
  method: string;
  path: string;
  protected: boolean;
  /** The authorizer that protects it, and how long API Gateway keeps its answers. */
  authorizer?: { name: string; ttlSeconds: number; cachesPerClient: boolean };
  /** What it runs instead (NONE, AWS_IAM, another authorizer…), when not protected. */
  instead?: string;
}

export interface StageCoverage {
  apiId: string;
  apiName: string;
  stage: string;
  http: boolean;
  rows: CoverageRow[];
  /** When the API's methods could not be read. */
  problem?: string;
}

export interface Coverage {
  functionName: string;
  stages: StageCoverage[];
  /** One sentence per unprotected method or route. */
  gaps: string[];
  /** The longest a revocation can take to be enforced everywhere it is (the largest cache TTL). */
  delaySeconds: number;
  /** Authorizers whose cache is not keyed by the client certificate (one client's answer could serve another). */
  sharedCaches: string[];
}

/**
 * Whether an authorizer's cache is per client certificate: no cache, or
 * identity sources that name the certificate itself (its PEM) or both its
 * issuer and its serial. A subject or a serial alone is shared by a stolen
 * certificate and its reissued replacement, or by two CAs' clients.
 */
export const cachesPerClient = (a: AuthorizerView) => {
  if (a.ttlSeconds === 0) return true;
  const has = (field: string) =>
    a.identitySource.some((s) => s.toLowerCase().endsWith(`clientcert.${field.toLowerCase()}`));
  return has("clientCertPem") || (has("issuerDN") && has("serialNumber"));
};

function rowsOf(ops: ApiOperations, functionName: string): CoverageRow[] {
  const byId = new Map(ops.authorizers.map((a) => [a.id, a]));
  return ops.operations
    .map((op): CoverageRow => {
      const authorizer = op.authorizerId ? byId.get(op.authorizerId) : undefined;
      const ours =
        op.authorizationType === "CUSTOM" &&
        authorizer?.functionArn !== undefined &&
        functionNameOf(authorizer.functionArn) === functionName;
      return {
        method: op.method,
        path: op.path,
        protected: ours,
        ...(ours
          ? {
              authorizer: {
                name: authorizer!.name,
                ttlSeconds: authorizer!.ttlSeconds,
                cachesPerClient: cachesPerClient(authorizer!),
              },
            }
          : {
              instead:
                op.authorizationType === "CUSTOM"
                  ? `authorizer ${authorizer?.name ?? op.authorizerId ?? "?"}`
                  : op.authorizationType,
            }),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

async function stageCoverage(
  m: MappedStage,
  region: string,
  functionName: string,
): Promise<StageCoverage> {
  const base = { apiId: m.apiId, stage: m.stage, http: m.http };
  try {
    const [name, ops] = m.http
      ? await Promise.all([findV2Api(m.apiId, region), httpApiOperations(m.apiId, region)])
      : await Promise.all([getRestApi(m.apiId, region), restApiOperations(m.apiId, region)]);
    return { ...base, apiName: name?.name ?? m.apiId, rows: rowsOf(ops, functionName) };
  } catch (error) {
    return {
      ...base,
      apiName: m.apiId,
      rows: [],
      problem: `Its ${m.http ? "routes" : "methods"} could not be read: ${(error as Error).message}`,
    };
  }
}

export async function revocationCoverage(domainName: string, region: string): Promise<Coverage> {
  const functionName = authorizerFunctionName();
  const stages = await Promise.all(
    (await mappedStages(domainName, region)).map((m) => stageCoverage(m, region, functionName)),
  );
  const gaps: string[] = [];
  const shared = new Set<string>();
  let delaySeconds = 0;
  for (const s of stages) {
    const where = `${s.apiName}/${s.stage}`;
    if (s.problem) gaps.push(`Coverage of ${where} is unknown. ${s.problem}`);
    else if (!s.rows.length)
      gaps.push(
        `${where} has no ${s.http ? "routes" : "methods"}: nothing there runs the revocation authorizer.`,
      );
    for (const r of s.rows) {
      if (!r.protected)
        gaps.push(
          `Revocation is not enforced on ${r.method} ${r.path} of ${where} (${r.instead}).`,
        );
      else {
        delaySeconds = Math.max(delaySeconds, r.authorizer!.ttlSeconds);
        if (!r.authorizer!.cachesPerClient) shared.add(`${r.authorizer!.name} (${where})`);
      }
    }
  }
  return { functionName, stages, gaps, delaySeconds, sharedCaches: [...shared] };
}
