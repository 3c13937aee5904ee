/**
 * `npm run screenshots`: README pictures of the running dashboard (start it
 * first with `npm run dev` or `npm start`; BASE_URL, default
 * http://127.0.0.1:3000). Uses the demo data of the embedded emulator.
 */
import "reflect-metadata";
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { bundle, issue } from "../lib/pki/generate";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const OUT = "docs/screenshots";
const DOMAIN = "api.partners.example.com";

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath:
    process.env.CHROMIUM_PATH ??
    (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });

await page.goto(`${BASE}/`);
await page.getByTestId("domain-row").first().waitFor();
// The API types stream in after the table.
await page.waitForFunction(() => !document.body.innerText.includes("reading…"));
await page.screenshot({ path: `${OUT}/overview.png`, fullPage: true });

await page.goto(`${BASE}/domains/${DOMAIN}?region=us-east-1`);
await page.getByRole("heading", { level: 1 }).waitFor();
await page.screenshot({ path: `${OUT}/domain.png`, fullPage: true });

// An upload with findings: a new root signed with SHA-1, dropped on the page.
const weak = await issue({ subject: "CN=Contoso Legacy Root, O=Contoso", hash: "SHA-1" });
const newRoot = await issue({ subject: "CN=Contoso Root CA 2026, O=Contoso" });
await page.getByTestId("dropzone").and(page.locator("[data-ready=true]")).waitFor();
const dataTransfer = await page.evaluateHandle(
  (content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], "partners-2026.pem"));
    return dt;
  },
  bundle(newRoot, weak),
);
await page.getByTestId("dropzone").dispatchEvent("drop", { dataTransfer });
const checked = page.getByRole("region", { name: "Checked file" });
await checked.waitFor();
// The change is known once the active version has been fetched to compare with.
await page.getByTestId("lockout-guard").or(page.getByTestId("lockout-ok")).waitFor();
await page.locator("#upload").scrollIntoViewIfNeeded();
await checked.screenshot({ path: `${OUT}/upload-findings.png` });

// The rollback confirmation.
await page
  .getByRole("button", { name: /Roll back to this version/ })
  .first()
  .click();
const dialog = page.getByRole("dialog");
await dialog.waitFor();
await page.screenshot({ path: `${OUT}/rollback-confirmation.png` });

await browser.close();
console.log(`Screenshots written to ${OUT}/`);
