// Runs the end-to-end suite against real LocalStack (playwright.localstack.config.ts):
// LocalStack's own open-source runtime, localstack-core 4.14.0 from PyPI, in
// a virtual environment, in host mode (no Docker, no DNS server, no
// analytics), on a free port; stopped afterwards.
//
// LocalStack 4.14.0 needs Python 3.13 (it uses warnings.deprecated): the
// python named by LOCALSTACK_PYTHON, else python3.13 on the PATH, else
// pyenv's. Its newest dependencies have moved on, so four are pinned to what
// it was built with. With LOCALSTACK_ENDPOINT set, a LocalStack already
// running there is used instead (docker compose up).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

const PINS = [
  "localstack-core[runtime]==4.14.0",
  "cbor2==5.6.5",
  "pyOpenSSL==25.1.0",
  "cryptography>=45,<46",
  "service_identity==24.2.0",
];
const report = "reports/playwright-localstack.json";
rmSync(report, { force: true });

function notRun(message) {
  console.warn(`notice: ${message}: the end-to-end suite against LocalStack did not run.`);
  process.exit(0);
}

function python313() {
  const candidates = [process.env.LOCALSTACK_PYTHON, "python3.13"];
  const root = spawnSync("pyenv", ["root"], { encoding: "utf8" }).stdout?.trim();
  if (root && existsSync(join(root, "versions")))
    for (const v of readdirSync(join(root, "versions")).sort().reverse())
      if (/^3\.(1[3-9])\./.test(v)) candidates.push(join(root, "versions", v, "bin", "python"));
  for (const c of candidates.filter(Boolean)) {
    const ok = spawnSync(c, ["-c", "import sys; assert sys.version_info >= (3, 13)"]);
    if (ok.status === 0) return c;
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function ready(endpoint, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${endpoint}/_localstack/health`);
      if (res.ok && (await res.json()).services?.s3) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function runSuite(endpoint) {
  const run = spawnSync(
    "npx",
    ["playwright", "test", "--config", "playwright.localstack.config.ts", ...process.argv.slice(2)],
    { stdio: "inherit", env: { ...process.env, LOCALSTACK_ENDPOINT: endpoint } },
  );
  return run.status ?? 1;
}

if (process.env.LOCALSTACK_ENDPOINT) process.exit(runSuite(process.env.LOCALSTACK_ENDPOINT));

const python = python313();
if (!python) notRun("no Python 3.13 was found (set LOCALSTACK_PYTHON)");
const venv = join(homedir(), ".cache", "mtls-console", "localstack-4.14.0");
const venvPython = join(venv, "bin", "python");
if (!existsSync(join(venv, ".installed"))) {
  console.log(`Installing LocalStack 4.14.0 into ${venv}`);
  rmSync(venv, { recursive: true, force: true });
  const steps = [
    [python, ["-m", "venv", venv]],
    [venvPython, ["-m", "pip", "install", "--quiet", ...PINS]],
    ["touch", [join(venv, ".installed")]],
  ];
  for (const [cmd, args] of steps)
    if (spawnSync(cmd, args, { stdio: "inherit" }).status !== 0)
      notRun(`installing LocalStack failed (${cmd} ${args.join(" ")})`);
}

const port = await freePort();
const endpoint = `http://127.0.0.1:${port}`;
const volume = mkdtempSync(join(tmpdir(), "localstack-"));
const localstack = spawn(venvPython, ["-m", "localstack.runtime.main"], {
  cwd: volume,
  env: {
    ...process.env,
    GATEWAY_LISTEN: `127.0.0.1:${port}`,
    DNS_ADDRESS: "0",
    DISABLE_EVENTS: "1",
    LOCALSTACK_VOLUME_DIR: join(volume, "volume"),
  },
  stdio: ["ignore", "ignore", "inherit"],
});
let status = 1;
try {
  if (!(await ready(endpoint, 120_000))) throw new Error(`LocalStack did not start on ${endpoint}`);
  console.log(`LocalStack 4.14.0 on ${endpoint}`);
  status = runSuite(endpoint);
} catch (error) {
  console.error(`error: ${error.message}`);
} finally {
  localstack.kill("SIGTERM");
  rmSync(volume, { recursive: true, force: true });
}
process.exit(status);
