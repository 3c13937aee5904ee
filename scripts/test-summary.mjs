// Prints one closing line for the whole test run (unit, end-to-end, and
// end-to-end against moto and against LocalStack), from the JSON reports vitest and Playwright
// wrote under reports/, and every skipped end-to-end test with its reason.
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

/** Every skipped test of a Playwright JSON report, by reason. */
function skipsOf(report) {
  const byReason = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status !== "skipped") continue;
        const reason =
          t.annotations.find((a) => a.type === "skip")?.description ?? "(no reason given)";
        byReason.set(reason, [...(byReason.get(reason) ?? []), `[${t.projectName}] ${spec.title}`]);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return byReason;
}

const suites = [
  ["reports/playwright.json", "end-to-end", true],
  ["reports/playwright-moto.json", "end-to-end against moto", false],
  ["reports/playwright-localstack.json", "end-to-end against LocalStack", false],
];
for (const [file, name, required] of suites) {
  if (!existsSync(file)) {
    if (required) missing.push(file);
    else console.log(`${name}: not run`);
    continue;
  }
  const e2e = JSON.parse(readFileSync(file, "utf8"));
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  const skips = skipsOf(e2e);
  if (skips.size === 0) continue;
  console.log(`${name}: ${e2e.stats.skipped} skipped`);
  for (const [reason, tests] of skips) {
    console.log(`  ${reason}`);
    for (const t of tests) console.log(`    - ${t}`);
  }
}

if (missing.length) console.log(`(no report at ${missing.join(", ")})`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || missing.length ? 1 : 0;
