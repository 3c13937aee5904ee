/**
 * npm run authorizer:build: the authorizer bundled into one CommonJS file
 * (index.js, everything inside it, the AWS SDK too, for the nodejs24.x
 * runtime) and zipped for Lambda (handler `index.handler`) as
 * authorizer/dist/revocation-authorizer.zip.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { zipSync } from "fflate";

export const AUTHORIZER_ZIP = "revocation-authorizer.zip";
const here = path.dirname(fileURLToPath(import.meta.url));

export interface BuiltAuthorizer {
  zipPath: string;
  zipBytes: number;
  bundleBytes: number;
}

/** Bundles handler.ts and writes the zip into outDir. */
export async function buildAuthorizer(outDir: string): Promise<BuiltAuthorizer> {
  const result = await build({
    entryPoints: [path.join(here, "handler.ts")],
    bundle: true,
    platform: "node",
    target: "node24",
    format: "cjs",
    write: false,
    outfile: "index.js",
    sourcemap: false,
    // Smaller and faster to load, with names kept readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "eof",
    logLevel: "warning",
  });
  const bundle = result.outputFiles.find((f) => f.path.endsWith("index.js"));
  if (!bundle) throw new Error("esbuild wrote no index.js.");
  // A fixed date keeps the zip the same for the same code.
  const zip = zipSync(
    { "index.js": [bundle.contents, { mtime: new Date("2020-01-01T00:00:00Z") }] },
    { level: 9 },
  );
  await mkdir(outDir, { recursive: true });
  const zipPath = path.join(outDir, AUTHORIZER_ZIP);
  await writeFile(zipPath, zip);
  return { zipPath, zipBytes: zip.length, bundleBytes: bundle.contents.length };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const built = await buildAuthorizer(path.join(here, "dist"));
  console.log(
    `${path.relative(process.cwd(), built.zipPath)}: ${kib(built.zipBytes)} (index.js ${kib(built.bundleBytes)}), handler index.handler, runtime nodejs24.x`,
  );
}
