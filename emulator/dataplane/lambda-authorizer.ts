/**
 * A Lambda authorizer run as API Gateway runs it: identity sources checked
 * (401 without a call when one is missing), the result cached for the TTL
 * by authorizer and identity values, the function invoked with the event
 * AWS documents, and its answer judged: REST by its IAM policy against the
 * methodArn; HTTP APIs by `isAuthorized` (simple responses) or the policy
 * against the routeArn.
 */
import type { RestAuthorizer } from "../apigateway/resource-schema";
import { LAMBDA_INVOCATION_URI } from "../apigateway/authorizers";
import type { HttpAuthorizer } from "../apigatewayv2/route-schema";
import type { Context } from "../http";
import { invokeFunction } from "../lambda/invoke";
import { cachedResult, cacheResult, type CacheKey } from "./authorizer-cache";
import { httpRequestEvent, restRequestEvent, restTokenEvent } from "./authorizer-events";
import { identityValues } from "./identity-sources";
import type { AuthorizerOutput } from "./integration-event";
import { judgePolicy, policyStatements, type PolicyStatement } from "./policy";
import { executeApiArn, type RoutedRequest } from "./request-context";

export interface Refusal {
  status: number;
  body: Record<string, unknown>;
  errorType: string;
  reason: string;
}
export type Verdict = { ok: true; authorizer: AuthorizerOutput } | ({ ok: false } & Refusal);

/** What a function's answer comes to, cached as is. */
type Answer =
  | {
      kind: "policy";
      principalId?: string;
      statements: PolicyStatement[];
      context: Record<string, unknown>;
    }
  | { kind: "simple"; isAuthorized: boolean; context: Record<string, unknown> };

const refuse = (
  status: number,
  body: Record<string, unknown>,
  errorType: string,
  reason: string,
): Verdict => ({
  ok: false,
  status,
  body,
  errorType,
  reason,
});
const unauthorized = (reason: string) =>
  refuse(401, { message: "Unauthorized" }, "UnauthorizedException", reason);

function contextOf(payload: Record<string, unknown>): Record<string, unknown> | null {
  const context = payload.context ?? {};
  if (typeof context !== "object" || Array.isArray(context)) return null;
  // AWS refuses objects and arrays as context values.
  const values = Object.values(context as object);
  return values.every((v) => v === null || typeof v !== "object")
    ? (context as Record<string, unknown>)
    : null;
}

function readAnswer(payload: unknown, simple: boolean): Answer | null {
  if (!payload || typeof payload !== "object") return null;
  const p = payload as Record<string, unknown>;
  const context = contextOf(p);
  if (!context) return null;
  if (simple)
    return typeof p.isAuthorized === "boolean"
      ? { kind: "simple", isAuthorized: p.isAuthorized, context }
      : null;
  const statements = policyStatements(p.policyDocument);
  if (!statements) return null;
  const principalId = typeof p.principalId === "string" ? p.principalId : undefined;
  return { kind: "policy", statements, context, ...(principalId ? { principalId } : {}) };
}

interface Run {
  authorizerId: string;
  settings: unknown;
  uri: string;
  ttlSeconds: number;
  identity: string[];
  simple: boolean;
  event: () => unknown;
  /** How a failure of the function is answered (REST: `{"message":null}`). */
  failure: (reason: string) => Verdict;
}

async function answerOf(ctx: Context, r: RoutedRequest, run: Run): Promise<Answer | Verdict> {
  const key: CacheKey = {
    region: r.region,
    apiId: r.apiId,
    authorizerId: run.authorizerId,
    settings: JSON.stringify(run.settings),
    identity: run.identity,
  };
  if (run.ttlSeconds > 0) {
    const cached = cachedResult<Answer>(ctx.state, key, r.at);
    if (cached) return cached;
  }
  const [, uriRegion, functionArn] = LAMBDA_INVOCATION_URI.exec(run.uri) ?? [];
  const fnRegion = /^arn:aws:lambda:([^:]+):/.exec(functionArn ?? "")?.[1] ?? uriRegion ?? r.region;
  const result = await invokeFunction(ctx, fnRegion, functionArn ?? run.uri, run.event());
  if (!result.ok)
    return result.kind === "function-error" && /(^|: )Unauthorized$/.test(result.error)
      ? unauthorized("The authorizer answered Unauthorized")
      : run.failure(`Authorizer error: ${result.kind}: ${result.error}`);
  const answer = readAnswer(result.payload, run.simple);
  if (!answer) return run.failure("The authorizer answered with an invalid response");
  if (run.ttlSeconds > 0) cacheResult(ctx.state, key, answer, r.at + run.ttlSeconds * 1000);
  return answer;
}

const isVerdict = (x: Answer | Verdict): x is Verdict => "ok" in x;

export async function restLambdaAuthorizer(
  ctx: Context,
  r: RoutedRequest,
  a: RestAuthorizer,
): Promise<Verdict> {
  const sources = (a.identitySource ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const identity = identityValues(sources, r);
  if (!identity) return unauthorized("An identity source is missing");
  const token = identity[0] ?? "";
  if (
    a.type === "TOKEN" &&
    a.identityValidationExpression &&
    !new RegExp(`^(?:${a.identityValidationExpression})$`).test(token)
  )
    return unauthorized("The token does not match the identity validation expression");
  const answer = await answerOf(ctx, r, {
    authorizerId: a.id,
    settings: a,
    uri: a.authorizerUri ?? "",
    ttlSeconds: a.authorizerResultTtlInSeconds,
    identity,
    simple: false,
    event: () => (a.type === "TOKEN" ? restTokenEvent(r, token) : restRequestEvent(r)),
    failure: (reason) => refuse(500, { message: null }, "AuthorizerConfigurationException", reason),
  });
  if (isVerdict(answer)) return answer;
  return policyVerdict(r, answer, {
    deny: { Message: "User is not authorized to access this resource with an explicit deny" },
    noAllow: { Message: "User is not authorized to access this resource" },
  });
}

function policyVerdict(
  r: RoutedRequest,
  answer: Answer,
  bodies: { deny: Record<string, unknown>; noAllow: Record<string, unknown> },
): Verdict {
  const output = {
    context: answer.context,
    ...(answer.kind === "policy" && answer.principalId ? { principalId: answer.principalId } : {}),
  };
  if (answer.kind === "simple")
    return answer.isAuthorized
      ? { ok: true, authorizer: output }
      : refuse(
          403,
          bodies.deny,
          "AccessDeniedException",
          "The authorizer answered isAuthorized: false",
        );
  const verdict = judgePolicy(answer.statements, executeApiArn(r));
  if (verdict === "allow") return { ok: true, authorizer: output };
  return verdict === "deny"
    ? refuse(403, bodies.deny, "AccessDeniedException", `The policy denies ${executeApiArn(r)}`)
    : refuse(
        403,
        bodies.noAllow,
        "AccessDeniedException",
        `The policy does not allow ${executeApiArn(r)}`,
      );
}

export async function httpLambdaAuthorizer(
  ctx: Context,
  r: RoutedRequest,
  a: HttpAuthorizer,
): Promise<Verdict> {
  const identity = identityValues(a.identitySource, r);
  if (!identity) return unauthorized("An identity source is missing");
  const version = a.authorizerPayloadFormatVersion ?? "2.0";
  const answer = await answerOf(ctx, r, {
    authorizerId: a.authorizerId,
    settings: a,
    uri: a.authorizerUri ?? "",
    ttlSeconds: a.authorizerResultTtlInSeconds,
    identity,
    simple: version === "2.0" && a.enableSimpleResponses,
    event: () => httpRequestEvent(r, version, identity),
    failure: (reason) =>
      refuse(500, { message: "Internal Server Error" }, "AuthorizerConfigurationException", reason),
  });
  if (isVerdict(answer)) return answer;
  const forbidden = { message: "Forbidden" };
  return policyVerdict(r, answer, { deny: forbidden, noAllow: forbidden });
}
