import "server-only";
/**
 * A fleet account's credentials: its viewer or operator role, assumed with
 * STS AssumeRole (its external id, a named session) from the console's own
 * credentials, by the SDK's fromTemporaryCredentials. One provider per
 * account and role, shared by every region's clients and memoized until
 * five minutes before the credentials expire, so a fleet of accounts costs
 * one AssumeRole per role per hour, not one per client or request.
 *
 * STS can be slow, throttled or refusing: each AssumeRole try gives up
 * after STS_REQUEST_TIMEOUT_MS (two tries), a caller waits no longer than
 * its own call's budget (./deadline.ts: a change's lease too), and a
 * refusal is kept FAILURE_KEEP_MS so that page loads do not hammer STS.
 * A call whose credentials could not be had was never sent: it cannot have
 * landed (never "in doubt").
 */
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { memoize } from "@smithy/property-provider";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { Access } from "./access-scope";
import { AwsFailure, toAwsFailure } from "./errors";
import { callBudgetMs } from "./deadline";
import type { FleetAccount } from "./accounts";
import type { Backend } from "./clients";

const REFRESH_BEFORE_MS = 5 * 60_000;
const STS_REQUEST_TIMEOUT_MS = 5_000;
const FAILURE_KEEP_MS = 30_000;
const providers = new Map<string, AwsCredentialIdentityProvider>();
const failures = new Map<string, { until: number; error: AwsFailure }>();

/** Why a role could not be assumed, in fixed words (AWS's own text names other accounts' ARNs). */
function assumeFailure(error: unknown, what: string): AwsFailure {
  const failure = toAwsFailure(error, `assume the ${what}`);
  const denied = /AccessDenied|InvalidClientTokenId|UnrecognizedClient/.test(failure.code);
  return new AwsFailure(
    denied
      ? `Could not assume the ${what}: STS refused it. Check the role's trust policy (it must trust the console's role) and the external id.`
      : failure.message,
    failure.code === "AccessDenied" ? "AssumeRoleDenied" : failure.code,
    failure.status,
    failure.requestId,
    failure.retryable,
    0,
    false,
  );
}

/** The credentials within the caller's budget; a failure is kept a while, a slow answer is not. */
function bounded(
  key: string,
  what: string,
  provider: AwsCredentialIdentityProvider,
): AwsCredentialIdentityProvider {
  return async (options) => {
    const kept = failures.get(key);
    if (kept && kept.until > Date.now()) throw kept.error;
    const budget = callBudgetMs();
    const late = () =>
      new AwsFailure(
        `Could not assume the ${what}: STS did not answer in time.`,
        "AssumeRoleTimeout",
        undefined,
        undefined,
        true,
        0,
        false,
      );
    if (budget <= 0) throw late();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        provider(options).catch((error: unknown) => {
          const failure = assumeFailure(error, what);
          failures.set(key, { until: Date.now() + FAILURE_KEEP_MS, error: failure });
          throw failure;
        }),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(late()), budget))),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
}

const expiresSoon = (c: AwsCredentialIdentity) =>
  c.expiration !== undefined && c.expiration.getTime() - Date.now() < REFRESH_BEFORE_MS;

export function roleCredentials(
  backend: Backend,
  account: FleetAccount,
  access: Access,
): AwsCredentialIdentityProvider {
  const roleArn = access === "change" ? account.operatorRoleArn : account.viewerRoleArn;
  const key = `${roleArn}|${account.externalId ?? ""}`;
  let provider = providers.get(key);
  if (!provider) {
    const endpoint = backend.serviceEndpoints.sts ?? backend.endpoint;
    const base = fromTemporaryCredentials({
      params: {
        RoleArn: roleArn,
        RoleSessionName: `mtls-console-${access === "change" ? "operator" : "viewer"}`,
        DurationSeconds: 3600,
        ...(account.externalId ? { ExternalId: account.externalId } : {}),
      },
      ...(backend.staticCredentials ? { masterCredentials: backend.staticCredentials } : {}),
      clientConfig: {
        region: backend.defaultRegion,
        maxAttempts: 2,
        requestHandler: {
          requestTimeout: STS_REQUEST_TIMEOUT_MS,
          connectionTimeout: STS_REQUEST_TIMEOUT_MS,
          throwOnRequestTimeout: true,
        },
        ...(endpoint ? { endpoint } : {}),
      },
    });
    const role = access === "change" ? "operator" : "viewer";
    // Memoized credentials are shared; a refused AssumeRole is not memoized (kept apart, briefly).
    const memoized = memoize(base, expiresSoon, (c) => c.expiration !== undefined);
    provider = bounded(key, `${role} role of ${account.label} (${account.id})`, memoized);
    providers.set(key, provider);
  }
  return provider;
}
