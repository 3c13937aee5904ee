/**
 * `npm run test:e2e:moto`: the end-to-end suite against moto_server (moto
 * 5.2 with Flask), a real AWS backend nobody here wrote. The suite starts it
 * (from PATH or MOTO_SERVER) and two apps on it: the demo's tests with
 * sign-in off, and the sign-in tests with local users. What moto cannot do
 * is skipped, each with its reason (lib/aws/backend-support.ts).
 */
import { defineConfig } from "@playwright/test";
import { endpointAppEnv } from "./e2e/endpoint-env";
import { MOTO_MISSING, motoServerCommand } from "./test-support/moto";
import base, { SECRET, USERS_FILE } from "./playwright.config";

process.env.E2E_TARGET = "moto";
const MOTO_PORT = Number(process.env.E2E_MOTO_PORT ?? 4620);
process.env.E2E_MOTO_PORT = String(MOTO_PORT);
const PORTS = { demo: 3105, auth: 3106 };
const moto = motoServerCommand();
if (!moto) throw new Error(MOTO_MISSING);

const endpoint = `http://127.0.0.1:${MOTO_PORT}`;
const appEnv = endpointAppEnv(endpoint);
const demo = base.projects!.find((p) => p.name === "demo")!;
const auth = base.projects!.find((p) => p.name === "auth")!;
const start = (port: number) => `npm run start -- --hostname 127.0.0.1 --port ${port}`;

export default defineConfig({
  ...base,
  reporter: [["list"], ["json", { outputFile: "reports/playwright-moto.json" }]],
  projects: [
    { ...demo, name: "moto", use: { ...demo.use, baseURL: `http://127.0.0.1:${PORTS.demo}` } },
    {
      ...auth,
      name: "moto-auth",
      use: { ...auth.use, baseURL: `http://127.0.0.1:${PORTS.auth}` },
    },
  ],
  webServer: [
    {
      command: `${moto} -H 127.0.0.1 -p ${MOTO_PORT}`,
      url: `${endpoint}/moto-api/`,
      reuseExistingServer: false,
      timeout: 60_000,
      // moto logs a traceback for every call it cannot serve: the tests say what matters.
      stderr: "ignore",
    },
    {
      command: start(PORTS.demo),
      url: `http://127.0.0.1:${PORTS.demo}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      // The suite tests the dashboard against moto, not sign-in (the red banner says so).
      env: { ...appEnv, AUTH_MODE: "none" },
    },
    {
      command: start(PORTS.auth),
      url: `http://127.0.0.1:${PORTS.auth}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: {
        ...appEnv,
        AUTH_MODE: "local",
        AUTH_USERS_FILE: USERS_FILE,
        AUTH_SECRET: SECRET,
        AUTH_MAX_FAILURES_PER_ADDRESS: "1000",
        NEXTAUTH_URL: `http://127.0.0.1:${PORTS.auth}`,
      },
    },
  ],
});
