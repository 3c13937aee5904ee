import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./test-support/chromium";
import { hashSync } from "@node-rs/argon2";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * Three apps from one build (`npm run test:e2e` builds first), and the
 * development server:
 * - demo (3100): the embedded emulator and its automatic demo operator;
 * - auth (3102): AUTH_MODE=local with test users, its own embedded emulator;
 * - oidc (3103): AUTH_MODE=oidc against a local OpenID Provider (4700);
 * - dev (3104): `next dev` as `npm run dev` starts it.
 */
const PORTS = {
  demo: Number(process.env.E2E_PORT ?? 3100),
  auth: 3102,
  oidc: 3103,
  dev: 3104,
  oidcProvider: 4700,
};
export const EMULATOR_PORTS = {
  demo: Number(process.env.E2E_EMULATOR_PORT ?? 4610),
  auth: 4612,
  oidc: 4613,
  dev: 4614,
};
export const TEST_USERS = {
  viewer: { username: "vera-viewer", password: "viewer-password-e2e", role: "viewer" },
  operator: { username: "otto-operator", password: "operator-password-e2e", role: "operator" },
  operator2: { username: "olga-operator", password: "operator2-password-e2e", role: "operator" },
  limited: { username: "rita-ratelimited", password: "limited-password-e2e", role: "viewer" },
  locked: { username: "lou-locked", password: "locked-password-e2e", role: "operator" },
} as const;

const usersFile = resolve("reports/e2e-users.json");
if (!existsSync(usersFile) || process.env.CI) {
  mkdirSync("reports", { recursive: true });
  writeFileSync(
    usersFile,
    JSON.stringify({
      users: Object.values(TEST_USERS).map((u) => ({
        username: u.username,
        passwordHash: hashSync(u.password),
        role: u.role,
      })),
    }),
  );
}
export const SECRET = "e2e-auth-secret-that-is-long-enough-0123456789";
export const USERS_FILE = usersFile;

const start = (port: number) => `npm run start -- --hostname 127.0.0.1 --port ${port}`;
const reuse = !process.env.CI;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ["list"],
    ["json", { outputFile: "reports/playwright.json" }],
    ...(process.env.CI
      ? []
      : ([["html", { open: "never", outputFolder: "reports/playwright-html" }]] as const)),
  ],
  timeout: 60_000,
  use: {
    trace: "on-first-retry",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "demo",
      testIgnore: ["auth/**", "oidc/**", "dev/**", "faults/**"],
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${PORTS.demo}` },
    },
    {
      name: "auth",
      testMatch: "auth/**/*.spec.ts",
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${PORTS.auth}` },
    },
    {
      // Starts its own emulator, proxy and app (it kills the app with SIGKILL).
      name: "faults",
      testMatch: "faults/**/*.spec.ts",
      use: { ...devices["Desktop Chrome"] },
    },
    {
      name: "dev",
      testMatch: "dev/**/*.spec.ts",
      use: { ...devices["Desktop Chrome"] },
    },
    {
      name: "oidc",
      testMatch: "oidc/**/*.spec.ts",
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${PORTS.oidc}` },
    },
  ],
  webServer: [
    {
      // The development server as `npm run dev` starts it (no --hostname), for the dev-origins test.
      command: `npm run dev -- --port ${PORTS.dev}`,
      url: `http://localhost:${PORTS.dev}/api/health`,
      reuseExistingServer: reuse,
      timeout: 180_000,
      env: {
        MTLS_CONSOLE_BACKEND: "embedded",
        EMULATOR_PORT: String(EMULATOR_PORTS.dev),
        EMULATOR_STATE: "",
        AWS_REGION: "us-east-1",
      },
    },
    {
      command: start(PORTS.demo),
      url: `http://127.0.0.1:${PORTS.demo}/api/health`,
      reuseExistingServer: reuse,
      timeout: 120_000,
      env: {
        MTLS_CONSOLE_BACKEND: "embedded",
        // The buckets e2e/seed.ts makes, which tests open by URI.
        TRUSTSTORE_BUCKETS: "ts-*",
        EMULATOR_PORT: String(EMULATOR_PORTS.demo),
        EMULATOR_STATE: "",
        AWS_REGION: "us-east-1",
      },
    },
    {
      command: start(PORTS.auth),
      url: `http://127.0.0.1:${PORTS.auth}/api/health`,
      reuseExistingServer: reuse,
      timeout: 120_000,
      env: {
        MTLS_CONSOLE_BACKEND: "embedded",
        EMULATOR_PORT: String(EMULATOR_PORTS.auth),
        EMULATOR_STATE: "",
        AWS_REGION: "us-east-1",
        AUTH_MODE: "local",
        AUTH_USERS_FILE: usersFile,
        AUTH_SECRET: SECRET,
        // Every test signs in from 127.0.0.1: the per-address limit is tested in lib/auth/rate-limit.test.ts.
        AUTH_MAX_FAILURES_PER_ADDRESS: "1000",
        NEXTAUTH_URL: `http://127.0.0.1:${PORTS.auth}`,
      },
    },
    {
      command: "npx tsx e2e/oidc-provider.ts",
      url: `http://127.0.0.1:${PORTS.oidcProvider}/.well-known/openid-configuration`,
      reuseExistingServer: reuse,
      timeout: 60_000,
      env: {
        OIDC_PORT: String(PORTS.oidcProvider),
        OIDC_APP_URL: `http://127.0.0.1:${PORTS.oidc}`,
      },
    },
    {
      command: start(PORTS.oidc),
      url: `http://127.0.0.1:${PORTS.oidc}/api/health`,
      reuseExistingServer: reuse,
      timeout: 120_000,
      env: {
        MTLS_CONSOLE_BACKEND: "embedded",
        EMULATOR_PORT: String(EMULATOR_PORTS.oidc),
        EMULATOR_STATE: "",
        AWS_REGION: "us-east-1",
        AUTH_MODE: "oidc",
        AUTH_SECRET: SECRET,
        NEXTAUTH_URL: `http://127.0.0.1:${PORTS.oidc}`,
        OIDC_ISSUER: `http://127.0.0.1:${PORTS.oidcProvider}`,
        OIDC_CLIENT_ID: "mtls-console",
        OIDC_CLIENT_SECRET: "e2e-client-secret-0123456789abcdef",
        OIDC_ROLE_CLAIM: "groups",
        OIDC_OPERATOR_VALUE: "mtls-console-operators",
        OIDC_OPERATORS: "unverified-boss@example.com",
        // Claims re-read after 2 s (default 300) so that a role change at the provider is seen within a test.
        OIDC_CLAIMS_MAX_AGE_SECONDS: "2",
      },
    },
  ],
});
