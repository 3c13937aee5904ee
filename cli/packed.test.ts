/**
 * The package as a user gets it: `npm pack` (its prepack bundles the CLI),
 * the tarball installed offline into an empty folder (it has no
 * dependencies), and the installed `mtls-console` run as a real process:
 * each exit code of the contract, standard input, and the AWS commands
 * against an emulator.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBasePathMappingCommand } from "@aws-sdk/client-api-gateway";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, issue } from "../lib/pki/generate";
import { awsCliEnv, runProcess, type CliRun } from "../test-support/cli-process";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { deployedRestApi, privateKeyPem, seedMtlsDomain, unique } from "../test-support/seed";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const DOMAIN = "packed.test.example";

/** The machine's own Node.js when it is older than 22 (the AWS SDK's notice), outside node_modules. */
function olderSystemNode(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const node = path.join(dir, "node");
    if (dir.includes("node_modules") || !existsSync(node)) continue;
    const major = Number(
      /^v(\d+)/.exec(execFileSync(node, ["--version"], { encoding: "utf8" }))?.[1],
    );
    return major < 22 ? node : null;
  }
  return null;
}
const systemNode = olderSystemNode();
let work: string;
let bin: string;
let t: TestEmulator;
const file = (name: string) => path.join(work, "files", name);

/** The installed command, with no AWS configuration unless pointed at one. */
const mtlsConsole = (
  args: string[],
  options: { endpoint?: string | null; input?: string; env?: Record<string, string> } = {},
): Promise<CliRun> =>
  runProcess(bin, args, {
    env: awsCliEnv(options.endpoint ?? null, options.env),
    input: options.input,
    cwd: work,
  });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "mtls-console-packed-"));
  const packed = path.join(work, "packed");
  const installed = path.join(work, "installed");
  await Promise.all([packed, installed, path.join(work, "files")].map((d) => mkdir(d)));
  const pack = await runProcess("npm", ["pack", "--pack-destination", packed]);
  expect(pack, pack.stderr).toMatchObject({ code: 0 });
  const [tarball] = await readdir(packed);
  expect(tarball).toBe(`mtls-console-${version}.tgz`);
  const install = await runProcess(
    "npm",
    ["install", "--no-audit", "--no-fund", "--offline", path.join(packed, tarball!)],
    { cwd: installed },
  );
  expect(install, install.stderr).toMatchObject({ code: 0 });
  // Nothing but the package itself was installed: it depends on nothing.
  expect((await readdir(path.join(installed, "node_modules"))).sort()).toEqual([
    ".bin",
    ".package-lock.json",
    "mtls-console",
  ]);
  bin = path.join(installed, "node_modules", ".bin", "mtls-console");

  const root = await issue({ subject: "CN=Packed Root" });
  const intermediate = await issue({ subject: "CN=Packed Issuing CA", issuer: root, ca: true });
  const device = await issue({ subject: "CN=packed-device", issuer: intermediate, ca: false });
  const deviceKey = await privateKeyPem(device.keys);
  await Promise.all([
    writeFile(file("good.pem"), bundle(root, intermediate)),
    writeFile(file("root-only.pem"), root.pem),
    writeFile(
      file("bad.pem"),
      "-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----\n",
    ),
    writeFile(file("device.pem"), device.pem),
    writeFile(file("device.key"), deviceKey),
    writeFile(file("device-and-key.pem"), `${device.pem}\n${deviceKey}`),
  ]);

  t = await startTestEmulator({ dataPort: 0 });
  const aws = t.clients();
  await seedMtlsDomain(aws, {
    domainName: DOMAIN,
    bucket: unique("ts-packed"),
    key: "truststore.pem",
    versions: [bundle(root, intermediate)],
  });
  const api = await deployedRestApi(aws, "packed", "live");
  await aws.apiGateway.send(
    new CreateBasePathMappingCommand({ domainName: DOMAIN, restApiId: api, stage: "live" }),
  );
  await writeFile(
    file("server-ca.pem"),
    await (await fetch(`${t.endpoint}/_emulator/ca.pem`)).text(),
  );
}, 120_000);

afterAll(async () => {
  await t?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the packed mtls-console, installed offline into an empty folder", () => {
  it("--version, help and a command's help", async () => {
    expect(await mtlsConsole(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await mtlsConsole(["help"]);
    expect(help.code).toBe(0);
    for (const command of ["check", "diff", "client", "probe", "watch", "revocation", "audit"])
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(help.stdout).toMatch(/^ {2}4 {2}could not reach AWS/m);
    const check = await mtlsConsole(["help", "check"]);
    expect(check).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("mtls-console check FILE"),
    });
    expect((await mtlsConsole(["revocation", "--help"])).stdout).toContain(
      "mtls-console revocation add DOMAIN --cert FILE",
    );
  });

  it("check: a sound truststore 0, a refused one 2, standard input as -", async () => {
    expect(await mtlsConsole(["check", file("good.pem")])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("verdict: OK"),
    });
    const bad = await mtlsConsole(["check", file("bad.pem"), "--json"]);
    expect([bad.code, JSON.parse(bad.stdout).verdict]).toEqual([2, "error"]);
    const piped = await mtlsConsole(["check", "-", "--json"], {
      input: readFileSync(file("good.pem"), "utf8"),
    });
    expect([piped.code, JSON.parse(piped.stdout).certificates.length]).toEqual([0, 2]);
  });

  it("diff: a new truststore that removes a CA exits 1", async () => {
    const r = await mtlsConsole(["diff", file("good.pem"), file("root-only.pem")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('"CN=Packed Issuing CA" will be refused');
  });

  it("client: a certificate with its key is bad input (3), not REFUSED", async () => {
    const r = await mtlsConsole([
      "client",
      file("device-and-key.pem"),
      "--truststore",
      file("good.pem"),
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^BAD INPUT/);
    expect(r.stdout).not.toContain("REFUSED");
  });

  it("an unknown command: the usage, exit 3", async () => {
    const r = await mtlsConsole(["frobnicate"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
    expect(r.stderr).toContain("Usage: mtls-console COMMAND");
  });

  it("watch with no AWS configuration at all: exit 4", async () => {
    const r = await mtlsConsole(["watch"]);
    expect([r.code, r.stdout]).toEqual([4, ""]);
    expect(r.stderr).toContain("no AWS configuration was found");
  });

  it("probe and revocation against an emulator: accepted, allowed (0)", async () => {
    const probe = await mtlsConsole(
      [
        "probe",
        `https://${DOMAIN}/hello`,
        "--connect",
        `127.0.0.1:${t.emulator.dataPlanePort}`,
        "--ca",
        file("server-ca.pem"),
        "--cert",
        file("device.pem"),
        "--key",
        file("device.key"),
        "--json",
      ],
      { endpoint: t.endpoint },
    );
    expect(probe.code, probe.stderr).toBe(0);
    expect(JSON.parse(probe.stdout)).toMatchObject({ outcome: "accepted", status: 200 });
    const revocation = await mtlsConsole(["revocation", "check", DOMAIN, "--cert", "-", "--json"], {
      endpoint: t.endpoint,
      input: readFileSync(file("device.pem"), "utf8"),
    });
    expect(revocation.code, revocation.stderr).toBe(0);
    expect(JSON.parse(revocation.stdout)).toMatchObject({ domainName: DOMAIN, allowed: true });
  });

  it("audit: a sound trail 0, no store named 3; probe: a server nobody answers for 4", async () => {
    const bucket = unique("audit-packed").toLowerCase();
    await t.clients().s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const verified = await mtlsConsole(["audit", "verify", "--json"], {
      endpoint: t.endpoint,
      env: { AUDIT_BUCKET: bucket },
    });
    expect(verified.code, verified.stderr).toBe(0);
    const unnamed = await mtlsConsole(["audit", "verify"], { endpoint: t.endpoint });
    expect(unnamed.code).toBe(3);
    expect(unnamed.stderr).toContain("AUDIT_BUCKET must be set");
    const unreachable = await mtlsConsole([
      "probe",
      `https://${DOMAIN}/hello`,
      "--connect",
      "127.0.0.1:1",
      "--cert",
      file("device.pem"),
      "--key",
      file("device.key"),
    ]);
    expect(unreachable.code, unreachable.stdout + unreachable.stderr).toBe(4);
  });

  it.skipIf(!systemNode)(
    "on the machine's older Node.js: no AWS SDK notice on stderr",
    async () => {
      const r = await runProcess(
        systemNode!,
        [bin, "revocation", "check", DOMAIN, "--cert", file("device.pem"), "--json"],
        { env: awsCliEnv(t.endpoint), cwd: work },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/NodeVersionSupportWarning|node >=22/);
    },
  );
});
