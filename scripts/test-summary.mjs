// Prints one closing line for the whole test run (unit + end-to-end), from
// the JSON reports vitest and Playwright wrote under reports/.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

if (existsSync("reports/vitest.json")) {
  const unit = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else missing.push("reports/vitest.json");

if (existsSync("reports/playwright.json")) {
  const e2e = JSON.parse(readFileSync("reports/playwright.json", "utf8"));
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
} else missing.push("reports/playwright.json");

if (missing.length) console.log(`(no report at ${missing.join(", ")})`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || missing.length ? 1 : 0;
