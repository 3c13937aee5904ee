/**
 * `npm run cli:build` (and `npm pack`, through prepack): the package's
 * `mtls-console` command, cli/mtls-console.ts bundled into
 * dist/mtls-console.mjs, the file package.json's `bin` names.
 */
import { chmod } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleCli } from "./cli-bundle";

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLI_ENTRY = path.join(here, "mtls-console.ts");
export const PACKAGE_BUNDLE = path.join(here, "..", "dist", "mtls-console.mjs");

/** Writes the package's bundle (executable); its size in bytes. */
export async function bundlePackageCli(outFile = PACKAGE_BUNDLE): Promise<number> {
  const bytes = await bundleCli(CLI_ENTRY, outFile);
  await chmod(outFile, 0o755);
  return bytes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const bytes = await bundlePackageCli();
  console.log(`${path.relative(process.cwd(), PACKAGE_BUNDLE)}: ${(bytes / 1024).toFixed(1)} KiB`);
}
