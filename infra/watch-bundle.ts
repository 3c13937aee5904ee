/**
 * The watch CLI (scripts/watch.ts) as one ES module with everything inside
 * it, the AWS SDK too, so the image's `watch` target runs it with plain
 * `node` and no node_modules: `npx tsx infra/watch-bundle.ts` writes
 * infra/dist/watch.mjs (the Dockerfile's build stage runs it). The bundling
 * is the package CLI's (cli/cli-bundle.ts).
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleCli } from "../cli/cli-bundle";

const here = path.dirname(fileURLToPath(import.meta.url));
export const WATCH_ENTRY = path.join(here, "..", "scripts", "watch.ts");

/** Bundles the watch CLI into `outFile`; its size in bytes. */
export function bundleWatch(outFile: string): Promise<number> {
  return bundleCli(WATCH_ENTRY, outFile);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outFile = path.join(here, "dist", "watch.mjs");
  const bytes = await bundleWatch(outFile);
  console.log(`${path.relative(process.cwd(), outFile)}: ${(bytes / 1024).toFixed(1)} KiB`);
}
