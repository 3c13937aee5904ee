import "server-only";
/**
 * A fleet account's credentials: its viewer or operator role, assumed with
 * STS AssumeRole (its external id, a named session) from the console's own
 * credentials, by the SDK's fromTemporaryCredentials. One provider per
 * account and role, shared by every region's clients and memoized until
 * five minutes before the credentials expire, so a fleet of accounts costs
 * one AssumeRole per role per hour, not one per client or request.
 */
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { memoize } from "@smithy/property-provider";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { Access } from "./access-scope";
import { AwsFailure, toAwsFailure } from "./errors";
import type { FleetAccount } from "./accounts";
import type { Backend } from "./clients";

const REFRESH_BEFORE_MS = 5 * 60_000;
const providers = new Map<string, AwsCredentialIdentityProvider>();

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
  );
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
        maxAttempts: 3,
        ...(endpoint ? { endpoint } : {}),
      },
    });
    const role = access === "change" ? "operator" : "viewer";
    const assumed: AwsCredentialIdentityProvider = (options) =>
      base(options).catch((error: unknown) => {
        throw assumeFailure(error, `${role} role of ${account.label} (${account.id})`);
      });
    // A refused AssumeRole is not kept: the next call asks again.
    provider = memoize(assumed, expiresSoon, (c) => c.expiration !== undefined);
    providers.set(key, provider);
  }
  return provider;
}
