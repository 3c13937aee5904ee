/**
 * Truststore engine speed: read + decode + validate a bundle, beside the
 * same parse-and-verify work done with Node's native X509Certificate.
 */
import { X509Certificate } from "node:crypto";
import { chromium } from "@playwright/test";
import { chromiumPath } from "../test-support/chromium";
import { engineForBrowsers } from "../test-support/browser-engine";
import { checkTruststore } from "../lib/truststore";
import { bundle, largeBundle } from "../lib/truststore/test-support/fixtures";
import { fixed, measure, table } from "./measure";

/** Native baseline: parse every certificate, fingerprint it, verify it with its issuer's key (the root here). */
export function nativeParseAndVerify(pems: string[]): number {
  const certs = pems.map((pem) => new X509Certificate(pem));
  const root = certs[0]!;
  let valid = 0;
  for (const cert of certs) {
    void cert.fingerprint256;
    if (cert.verify(root.publicKey)) valid++;
  }
  return valid;
}

/** The engine as the browser runs it (bundled for browsers: WebCrypto), in Chromium: median ms per check. */
async function inChromium(text: string): Promise<number> {
  const code = await engineForBrowsers();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox"],
  });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>bench</title>");
    await page.addScriptTag({ content: code });
    return await page.evaluate(async (text) => {
      const engine = (window as unknown as { Truststore: typeof import("../lib/truststore") })
        .Truststore;
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        await engine.checkTruststore(text);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[3]!;
    }, text);
  } finally {
    await browser.close();
  }
}

/** The engine's check of a bundle beside native parse + verify of its certificates (the root first). */
export async function engineVsNative(text: string, pems: string[]) {
  const ours = await measure(async () => {
    const report = await checkTruststore(text);
    if (report.certificates.length !== pems.length)
      throw new Error(`decoded ${report.certificates.length} of ${pems.length}`);
  });
  const native = await measure(() => {
    if (nativeParseAndVerify(pems) !== pems.length)
      throw new Error("native baseline did not verify everything");
  });
  return { ours, native };
}

export async function benchTruststore(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const [count, key] of [
    [10, { ec: "P-256" }],
    [100, { ec: "P-256" }],
    [1000, { ec: "P-256" }],
    [100, { rsa: 2048 }],
    // 1,000 RSA-2048 certificates are over API Gateway's 1 MB quota (the
    // engine stops at too-large), so the largest RSA row is 800.
    [800, { rsa: 2048 }],
  ] as const) {
    const issued = await largeBundle(count, { key, prefix: `Bench${count}` });
    const pems = issued.map((i) => i.pem);
    const text = bundle(...issued);
    const { ours, native } = await engineVsNative(text, pems);
    const label = "rsa" in key ? `RSA ${key.rsa}` : `EC ${key.ec}`;
    const browserMs = count >= 800 ? `${fixed(await inChromium(text))}` : "";
    rows.push([
      count,
      label,
      `${(Buffer.byteLength(text) / 1000).toFixed(0)} kB`,
      fixed(ours.medianMs),
      fixed(ours.peakHeapMb),
      fixed(native.medianMs),
      fixed(native.peakHeapMb),
      `${fixed(ours.medianMs / native.medianMs)}×`,
      browserMs,
    ]);
  }
  return [
    "Truststore engine: read + decode + validate (median of at least 5 runs and 1 s) vs native crypto.X509Certificate parse + fingerprint + verify",
    table(
      [
        "certs",
        "keys",
        "size",
        "engine ms",
        "engine JS heap peak MB",
        "native ms",
        "native JS heap peak MB",
        "ratio",
        "in Chromium ms",
      ],
      rows,
    ),
    "Targets: within 1.5× native at 10, 100 and 1,000 certificates, EC and RSA; 100 certificates validated in under 100 ms; 1,000 certificates checked in Chromium (the browser build, WebCrypto) in under 300 ms.",
    "Native X509Certificate objects live outside the JS heap, so its heap figure understates its memory.",
  ].join("\n");
}
