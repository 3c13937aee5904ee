/**
 * The dashboard container's environment (README: sign-in, the store, AWS):
 * everything but the secrets, which come from Secrets Manager.
 */
import type { ConsoleSettings } from "./settings";

/** The names of the secrets' variables (lib/auth/config.ts). */
export const SECRET_ENV = {
  authSecret: "AUTH_SECRET",
  oidcClientSecret: "OIDC_CLIENT_SECRET",
} as const;

export interface EnvironmentInputs {
  settings: ConsoleSettings;
  region: string;
  account: string;
  storeBucketName: string;
  /** MTLS_CONSOLE_ACCOUNTS (infra/fleet.ts): the watch is given the same. */
  accounts: string;
}

export function consoleEnvironment(inputs: EnvironmentInputs): Record<string, string> {
  const { settings } = inputs;
  const optional = (name: string, value: string | undefined) =>
    value === undefined ? {} : { [name]: value };
  return {
    // AWS, never the embedded demo, even where the detection would hesitate.
    MTLS_CONSOLE_BACKEND: "aws",
    AWS_REGION: inputs.region,
    ...optional("AWS_REGIONS", settings.regions.join(",") || undefined),
    // The store (lib/records/store.ts): this stack's bucket, owned by this account.
    AUDIT_BUCKET: inputs.storeBucketName,
    AUDIT_PREFIX: settings.auditPrefix,
    AUDIT_BUCKET_OWNER: inputs.account,
    AUDIT_REGION: inputs.region,
    // Sign-in (lib/auth/config.ts): OpenID Connect, behind one proxy (the load balancer).
    AUTH_MODE: "oidc",
    NEXTAUTH_URL: settings.publicUrl,
    OIDC_ISSUER: settings.oidc.issuer,
    OIDC_CLIENT_ID: settings.oidc.clientId,
    ...optional("OIDC_ROLE_CLAIM", settings.oidc.roleClaim),
    ...optional("OIDC_OPERATOR_VALUE", settings.oidc.operatorValue),
    ...optional("OIDC_OPERATORS", settings.oidc.operators),
    AUTH_TRUSTED_PROXY_HOPS: "1",
    ...optional("TRUSTSTORE_BUCKETS", settings.truststoreBuckets.join(",") || undefined),
    // The task role itself reads nothing: every account, its own too, through the roles it assumes.
    MTLS_CONSOLE_ACCOUNTS: inputs.accounts,
  };
}
