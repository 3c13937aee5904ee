/**
 * The e2e suite's view of AWS: the project's own SDK clients pointed at the
 * emulator the app runs (embedded mode), and its control endpoints.
 */
import { test as base } from "@playwright/test";
import { gap, supports, type BackendName, type FeatureId } from "../lib/aws/backend-support";
import { createClients, type AwsClients } from "../lib/aws/clients";
import { emulatorControl } from "../test-support/emulator";

/**
 * "emulator" (default): the app runs its embedded emulator and tests use its
 * control endpoints. "localstack": the app and the tests use a running
 * LocalStack (npm run test:e2e:localstack). "moto": a moto_server started
 * by the suite (npm run test:e2e:moto). What a backend cannot do is skipped
 * with the reason from lib/aws/backend-support.ts (the README's table).
 */
export const TARGET: BackendName =
  process.env.E2E_TARGET === "localstack" || process.env.E2E_TARGET === "moto"
    ? process.env.E2E_TARGET
    : "emulator";
export const LOCALSTACK_ENDPOINT = process.env.LOCALSTACK_ENDPOINT ?? "http://127.0.0.1:4566";
export const MOTO_PORT = Number(process.env.E2E_MOTO_PORT ?? 4620);
export const EMULATOR_ENDPOINT =
  TARGET === "localstack"
    ? LOCALSTACK_ENDPOINT
    : TARGET === "moto"
      ? `http://127.0.0.1:${MOTO_PORT}`
      : `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`;

/** Skips the calling test where the backend lacks one of these features, saying why. */
export function needs(...features: FeatureId[]) {
  for (const feature of features) {
    const why = gap(TARGET, feature);
    base.skip(why !== undefined, `${TARGET}: ${why}`);
  }
}

/** Whether the backend under test has this feature (for tests that run everywhere). */
export const has = (feature: FeatureId) => supports(TARGET, feature);

/** The emulator behind each project's app (see playwright.config.ts). */
const PROJECT_EMULATORS: Record<string, string> = {
  auth: "http://127.0.0.1:4612",
  oidc: "http://127.0.0.1:4613",
};
export const emulatorFor = (project: string) =>
  TARGET === "emulator" ? (PROJECT_EMULATORS[project] ?? EMULATOR_ENDPOINT) : EMULATOR_ENDPOINT;

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
