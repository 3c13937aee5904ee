/**
 * The dashboard container's environment (README: sign-in, the store, AWS):
 * everything but the secrets, which come from Secrets Manager.
 */
import type { ConsoleSettings } from "./settings";

/**
 * How the task learns the roles it assumes. The console-account roles'
 * ARNs, the member-account role names and the external id that goes with
 * them.
 */
export const ROLE_ENV = {
  viewerRoleArn: "MTLS_CONSOLE_VIEWER_ROLE_ARN",
  operatorRoleArn: "MTLS_CONSOLE_OPERATOR_ROLE_ARN",
  memberViewerRoleName: "MTLS_CONSOLE_MEMBER_VIEWER_ROLE",
  memberOperatorRoleName: "MTLS_CONSOLE_MEMBER_OPERATOR_ROLE",
  externalId: "MTLS_CONSOLE_EXTERNAL_ID",
} as const;

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
  viewerRoleArn: string;
  operatorRoleArn: string;
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
    ...optional("MTLS_CONSOLE_ACCOUNTS", settings.accounts),
    [ROLE_ENV.viewerRoleArn]: inputs.viewerRoleArn,
    [ROLE_ENV.operatorRoleArn]: inputs.operatorRoleArn,
    [ROLE_ENV.memberViewerRoleName]: settings.memberViewerRoleName,
    [ROLE_ENV.memberOperatorRoleName]: settings.memberOperatorRoleName,
    [ROLE_ENV.externalId]: settings.externalId,
  };
}
