/**
 * The watch CLI (scripts/watch.ts) as one ES module with everything inside
 * it, the AWS SDK too, so the image's `watch` target runs it with plain
 * `node` and no node_modules: `npx tsx infra/watch-bundle.ts` writes
 * infra/dist/watch.mjs (the Dockerfile's build stage runs it).
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
export const WATCH_ENTRY = path.join(here, "..", "scripts", "watch.ts");

/** Bundles the watch CLI into `outFile`; its size in bytes. */
export async function bundleWatch(outFile: string): Promise<number> {
  const result = await build({
    entryPoints: [WATCH_ENTRY],
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    // As `npm run watch` runs it: server-only code is allowed (tsx --conditions=react-server).
    conditions: ["react-server"],
    // The SDK's CommonJS modules require Node's built-ins: give the module a require.
    banner: {
      js: 'import { createRequire as __watchRequire } from "node:module"; const require = __watchRequire(import.meta.url);',
    },
    outfile: outFile,
    metafile: true,
    legalComments: "eof",
    logLevel: "warning",
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(".mjs"));
  return output?.[1].bytes ?? 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outFile = path.join(here, "dist", "watch.mjs");
  const bytes = await bundleWatch(outFile);
  console.log(`${path.relative(process.cwd(), outFile)}: ${(bytes / 1024).toFixed(1)} KiB`);
}
