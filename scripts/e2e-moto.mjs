// Runs the end-to-end suite against moto_server (playwright.moto.config.ts).
// Without moto_server: a notice outside CI, a failure in CI.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const report = "reports/playwright-moto.json";
rmSync(report, { force: true });
const found =
  process.env.MOTO_SERVER ||
  spawnSync("sh", ["-c", "command -v moto_server"], { encoding: "utf8" }).stdout.trim();
if (!found) {
  const message =
    'moto_server was not found: the end-to-end suite against moto did not run. Install it with pip install "moto[server]", or set MOTO_SERVER to its path.';
  if (process.env.CI) {
    console.error(`error: ${message}`);
    process.exit(1);
  }
  console.warn(`notice: ${message}`);
  process.exit(0);
}
const run = spawnSync(
  "npx",
  ["playwright", "test", "--config", "playwright.moto.config.ts", ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exit(run.status ?? 1);
