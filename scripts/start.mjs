/**
 * `npm start`: the standalone server the build wrote (.next/standalone, as
 * the image runs it), with what `next start` would read at start rather
 * than at build: --port/-p and --hostname/-H, ALLOWED_ORIGINS, and paths in
 * the environment relative to where it was started (the standalone server
 * works in its own folder). The static files are copied beside it by the
 * build (scripts/standalone-assets.mjs).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dir = path.join(root, ".next", "standalone");
const serverFiles = path.join(dir, ".next", "required-server-files.json");
if (!existsSync(serverFiles)) {
  console.error("No standalone build in .next/standalone: run `npm run build` first.");
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
  strict: false,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";

// Files named relative to where the console was started.
for (const key of [
  "AUTH_USERS_FILE",
  "EMULATOR_STATE",
  "REVOCATION_AUTHORIZER_ZIP",
  "MTLS_CONSOLE_ACCOUNTS",
]) {
  const value = process.env[key];
  if (value && !value.trim().startsWith("{") && !path.isAbsolute(value))
    process.env[key] = path.resolve(value);
}

const { config } = JSON.parse(readFileSync(serverFiles, "utf8"));
config.experimental.serverActions.allowedOrigins = (process.env.ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
process.env.NODE_ENV = "production";
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
process.chdir(dir);

const require = createRequire(path.join(dir, "server.js"));
require("next");
const { startServer } = require("next/dist/server/lib/start-server");
await startServer({ dir, isDev: false, config, hostname, port, allowRetry: false }).catch(
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
