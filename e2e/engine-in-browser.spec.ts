/**
 * The truststore engine is isomorphic: bundled for the browser (no Node
 * modules allowed) and run in Chromium, it gives the same report as in Node.
 */
import { expect, test } from "@playwright/test";
import "reflect-metadata";
import { checkTruststore } from "../lib/truststore";
import { bundle, chain, issue, tamperSignature } from "../lib/truststore/test-support/fixtures";
import { engineForBrowsers } from "../test-support/browser-engine";

test("the engine bundled for browsers decodes and validates in Chromium exactly as in Node", async ({
  page,
}) => {
  const code = await engineForBrowsers();

  const pki = await chain(3, { prefix: "Browser", key: { rsa: 2048 } });
  const weak = await issue({ subject: "CN=Browser SHA1", hash: "SHA-1" });
  const text = bundle(pki[0]!, tamperSignature(pki[1]!), pki[2]!, weak, pki[0]!);
  const at = new Date();
  const inNode = await checkTruststore(text, { at });

  await page.goto("/");
  await page.addScriptTag({ content: code });
  const inBrowser = await page.evaluate(
    async ({ text, at }) => {
      const engine = (window as unknown as { Truststore: typeof import("../lib/truststore") })
        .Truststore;
      return engine.checkTruststore(text, { at: new Date(at) });
    },
    { text, at: at.toISOString() },
  );
  expect(inBrowser).toEqual(inNode);
  expect(inBrowser.findings.map((f) => f.rule).sort()).toEqual([
    "duplicate",
    "signature",
    "weak-hash",
  ]);
});
