/**
 * A CLI bundled into one ES module with everything inside it, the AWS SDK
 * too, that runs with plain `node` and no node_modules: the package's
 * `mtls-console` (cli/package-bundle.ts) and the image's watch
 * (infra/watch-bundle.ts). A CLI module exports `main(argv)` and `usage()`
 * and runs itself only as the process's entry (`import.meta.main`); in the
 * bundle that is false for every module, and the bundle runs the one CLI.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI_EXIT = path.join(root, "scripts", "cli-exit.ts");

/** Bundles the CLI module `entry` into `outFile` (an executable .mjs); its size in bytes. */
export async function bundleCli(entry: string, outFile: string): Promise<number> {
  const result = await build({
    stdin: {
      contents: [
        `import { main, usage } from ${JSON.stringify(entry)};`,
        `import { runCli } from ${JSON.stringify(CLI_EXIT)};`,
        "runCli(main, usage());",
      ].join("\n"),
      resolveDir: root,
      sourcefile: `${path.basename(outFile)}-entry.ts`,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    // As `npm run` runs the AWS CLIs: server-only code is allowed (tsx --conditions=react-server).
    conditions: ["react-server"],
    define: { "import.meta.main": "false" },
    // The SDK's CommonJS modules require Node's built-ins: give the module a require.
    banner: {
      js: [
        "#!/usr/bin/env node",
        'import { createRequire as __cliRequire } from "node:module"; const require = __cliRequire(import.meta.url);',
      ].join("\n"),
    },
    outfile: outFile,
    metafile: true,
    legalComments: "eof",
    logLevel: "warning",
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(".mjs"));
  return output?.[1].bytes ?? 0;
}
