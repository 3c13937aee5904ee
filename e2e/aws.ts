/**
 * The e2e suite's Playwright fixtures: the project's own SDK clients pointed
 * at the backend under test (test-support/e2e-target.ts), and the
 * emulator's control endpoints.
 */
import { test as base } from "@playwright/test";
import { gap, type BackendName, type FeatureId } from "../lib/aws/backend-support";
import { e2eEndpoint, e2eTarget, has } from "../test-support/e2e-target";
import { endpointClients, type AwsClients } from "../test-support/clients";
import { emulatorControl } from "../test-support/emulator";

export const TARGET: BackendName = e2eTarget();
export const LOCALSTACK_ENDPOINT = process.env.LOCALSTACK_ENDPOINT ?? "http://127.0.0.1:4566";
export const MOTO_PORT = Number(process.env.E2E_MOTO_PORT ?? 4620);
export const EMULATOR_ENDPOINT = e2eEndpoint();

/** Skips the calling test where the backend lacks one of these features, saying why. */
export function needs(...features: FeatureId[]) {
  for (const feature of features) {
    const why = gap(TARGET, feature);
    base.skip(why !== undefined, `${TARGET}: ${why}`);
  }
}

export { has };

/** The emulator behind each project's app (see playwright.config.ts). */
const PROJECT_EMULATORS: Record<string, string> = {
  auth: "http://127.0.0.1:4612",
  oidc: "http://127.0.0.1:4613",
};
export const emulatorFor = (project: string) =>
  TARGET === "emulator" ? (PROJECT_EMULATORS[project] ?? EMULATOR_ENDPOINT) : EMULATOR_ENDPOINT;

export const awsClients = (region = "us-east-1", endpoint = EMULATOR_ENDPOINT): AwsClients =>
  endpointClients(endpoint, region);

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
