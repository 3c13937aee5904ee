/**
 * The e2e suite's view of AWS: the project's own SDK clients pointed at the
 * emulator the app runs (embedded mode), and its control endpoints.
 */
import { test as base } from "@playwright/test";
import { createClients, type AwsClients } from "../lib/aws/clients";
import { emulatorControl } from "../emulator/test-support";

/**
 * "emulator" (default): the app runs its embedded emulator and tests use its
 * control endpoints. "localstack": the app and the tests use a running
 * LocalStack (npm run test:e2e:localstack); what LocalStack cannot do is
 * skipped, with the reason.
 */
export const TARGET = process.env.E2E_TARGET === "localstack" ? "localstack" : "emulator";
export const LOCALSTACK_ENDPOINT = process.env.LOCALSTACK_ENDPOINT ?? "http://127.0.0.1:4566";
export const EMULATOR_ENDPOINT =
  TARGET === "localstack"
    ? LOCALSTACK_ENDPOINT
    : `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`;

/** Skips the calling test on LocalStack, saying why. */
export function needsFullApiGateway(
  reason = "LocalStack drops mutualTlsAuthentication and answers UpdateDomainName with 501",
) {
  base.skip(TARGET === "localstack", reason);
}

/** The emulator behind each project's app (see playwright.config.ts). */
const PROJECT_EMULATORS: Record<string, string> = {
  auth: "http://127.0.0.1:4612",
  oidc: "http://127.0.0.1:4613",
};
export const emulatorFor = (project: string) =>
  TARGET === "localstack" ? EMULATOR_ENDPOINT : (PROJECT_EMULATORS[project] ?? EMULATOR_ENDPOINT);

export function awsClients(region = "us-east-1", endpoint = EMULATOR_ENDPOINT): AwsClients {
  return createClients(
    {
      kind: "endpoint",
      endpoint,
      serviceEndpoints: {},
      defaultRegion: region,
      staticCredentials: { accessKeyId: "test", secretAccessKey: "test" },
    },
    region,
  );
}

/** Tests get `aws` (SDK clients) and `emulator` (control) as fixtures. */
export const test = base.extend<{
  aws: AwsClients;
  emulator: <T = unknown>(path: string, body?: unknown, method?: string) => Promise<T>;
}>({
  aws: async ({}, use, testInfo) => {
    await use(awsClients("us-east-1", emulatorFor(testInfo.project.name)));
  },
  emulator: async ({}, use, testInfo) => {
    const endpoint = emulatorFor(testInfo.project.name);
    await use((path, body, method) => emulatorControl(endpoint, path, body, method));
  },
});
export { expect } from "@playwright/test";
