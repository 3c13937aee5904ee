/**
 * The environment of an app under test that talks to an AWS endpoint it did
 * not start (LocalStack, moto) and keeps the console's store there. No other
 * imports: the Playwright configs load it before E2E_TARGET is set.
 */
export function endpointAppEnv(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    MTLS_CONSOLE_BACKEND: "aws",
    AUDIT_BUCKET: "mtls-console-audit",
    // The buckets e2e/seed.ts makes, which tests open by URI.
    TRUSTSTORE_BUCKETS: "ts-*",
  };
}
