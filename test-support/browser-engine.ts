/**
 * The truststore engine bundled for browsers (esbuild, no Node modules
 * allowed: it fails to build if the engine imports one), as a script that
 * defines `window.Truststore`.
 */
import { build } from "esbuild";

export async function engineForBrowsers(): Promise<string> {
  const result = await build({
    entryPoints: ["lib/truststore/index.ts"],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    globalName: "Truststore",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
