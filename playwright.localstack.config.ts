/**
 * The end-to-end suite against LocalStack (scripts/e2e-localstack.mjs starts
 * LocalStack 4.14.0 in host mode, or uses LOCALSTACK_ENDPOINT), through
 * AWS_ENDPOINT_URL. What LocalStack cannot do (mTLS fields, UpdateDomainName,
 * API Gateway v2, control endpoints) is skipped, each with its reason.
 */
import { defineConfig } from "@playwright/test";
import { endpointAppEnv } from "./e2e/endpoint-env";
import base from "./playwright.config";

process.env.E2E_TARGET = "localstack";
const endpoint = process.env.LOCALSTACK_ENDPOINT ?? "http://127.0.0.1:4566";
const PORT = Number(process.env.E2E_PORT ?? 3101);

export default defineConfig({
  ...base,
  reporter: [["list"], ["json", { outputFile: "reports/playwright-localstack.json" }]],
  projects: [
    {
      ...base.projects![0]!,
      use: { ...base.projects![0]!.use, baseURL: `http://127.0.0.1:${PORT}` },
    },
  ],
  webServer: {
    command: `npm run start -- --hostname 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    env: {
      ...endpointAppEnv(endpoint),
      // The suite tests the dashboard against LocalStack, not sign-in (the red banner says so).
      AUTH_MODE: "none",
    },
  },
});
