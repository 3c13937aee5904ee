/**
 * `npm start`: the standalone server the build wrote (.next/standalone, as
 * the image runs it), with what `next start` would read at start rather
 * than at build: --port/-p and --hostname/-H, ALLOWED_ORIGINS,
 * KEEP_ALIVE_TIMEOUT (ms; above a load balancer's idle timeout), and paths in
 * the environment relative to where it was started (the standalone server
 * works in its own folder). The static files are copied beside it by the
 * build (scripts/standalone-assets.mjs).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
// In the image this file sits beside the standalone server; in a checkout, in scripts/.
const dir = existsSync(path.join(here, "server.js"))
  ? here
  : path.join(here, "..", ".next", "standalone");
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
// Not HOSTNAME: containers set it to their own name. As next start: every interface by default.
const hostname = values.hostname ?? "0.0.0.0";

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

// The demo's revocation authorizer, as built in a checkout (the standalone folder has no copy).
const builtAuthorizer = path.resolve("authorizer/dist/revocation-authorizer.zip");
if (!process.env.REVOCATION_AUTHORIZER_ZIP && existsSync(builtAuthorizer))
  process.env.REVOCATION_AUTHORIZER_ZIP = builtAuthorizer;

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
const keepAlive = Number(process.env.KEEP_ALIVE_TIMEOUT);
const keepAliveTimeout = Number.isInteger(keepAlive) && keepAlive >= 0 ? keepAlive : undefined;
await startServer({
  dir,
  isDev: false,
  config,
  hostname,
  port,
  allowRetry: false,
  ...(keepAliveTimeout === undefined ? {} : { keepAliveTimeout }),
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
