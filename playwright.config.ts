import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/** The app runs in its embedded mode with the emulator on this port; tests seed and check AWS state through it. */
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);

/**
 * Chromium: Playwright's own build when installed (`npx playwright install
 * chromium`); otherwise the system's (Debian's /usr/bin/chromium), or the
 * one named by CHROMIUM_PATH.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const executablePath = chromiumPath();

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
    ...(process.env.CI ? [] : ([["html", { open: "never", outputFolder: "reports/playwright-html" }]] as const)),
  ],
  timeout: 60_000,
  use: {
    baseURL,
    trace: "on-first-retry",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npm run build && npm run start -- --hostname 127.0.0.1 --port ${PORT}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    env: {
      MTLS_CONSOLE_BACKEND: "embedded",
      EMULATOR_PORT: String(EMULATOR_PORT),
      EMULATOR_STATE: "",
      AWS_REGION: "us-east-1",
    },
  },
});
