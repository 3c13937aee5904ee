import { existsSync } from "node:fs";

/**
 * Chromium: Playwright's own build when installed (`npx playwright install
 * chromium`); otherwise the system's (Debian's /usr/bin/chromium), or the
 * one named by CHROMIUM_PATH.
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
