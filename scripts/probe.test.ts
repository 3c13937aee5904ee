/**
 * `truststore probe` and curl against the emulator's data plane: real
 * processes, real handshakes, each outcome with its exit code.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, issue } from "../lib/pki/generate";
import { runProcess } from "../test-support/cli-process";
import { deployedRestApi, privateKeyPem, seedMtlsDomain } from "../test-support/seed";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { CreateBasePathMappingCommand } from "@aws-sdk/client-api-gateway";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "probe-"));
const DOMAIN = "probe.test.example";
let t: TestEmulator;
let port: number;
const path = (name: string) => join(dir, name);

const probeRun = (args: string[], input?: Uint8Array) =>
  runProcess(join("node_modules", ".bin", "tsx"), ["scripts/truststore.ts", "probe", ...args], {
    input,
  });
const cli = (...args: string[]) => probeRun(args);

beforeAll(async () => {
  t = await startTestEmulator({ dataPort: 0 });
  port = t.emulator.dataPlanePort!;
  const root = await issue({ subject: "CN=Probe Root" });
  const aws = t.clients();
  await seedMtlsDomain(aws, {
    domainName: DOMAIN,
    bucket: "probe-ts",
    key: "ts.pem",
    versions: [bundle(root)],
  });
  const api = await deployedRestApi(aws, "probe", "live");
  await aws.apiGateway.send(
    new CreateBasePathMappingCommand({ domainName: DOMAIN, restApiId: api, stage: "live" }),
  );
  const good = await issue({ subject: "CN=probe-device", issuer: root, ca: false });
  const stranger = await issue({
    subject: "CN=stranger",
    issuer: await issue({ subject: "CN=Elsewhere" }),
    ca: false,
  });
  writeFileSync(path("good.pem"), good.pem);
  writeFileSync(path("good.key"), await privateKeyPem(good.keys));
  writeFileSync(path("stranger.pem"), stranger.pem);
  writeFileSync(path("stranger.key"), await privateKeyPem(stranger.keys));
  writeFileSync(path("ca.pem"), await (await fetch(`${t.endpoint}/_emulator/ca.pem`)).text());
});
afterAll(async () => {
  await t.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("truststore probe", () => {
  const url = () => `https://${DOMAIN}/hello`;
  const via = () => ["--connect", `127.0.0.1:${port}`, "--ca", path("ca.pem")];

  it("accepted: exit 0, with what the backend received", async () => {
    const r = await cli(
      url(),
      ...via(),
      "--cert",
      path("good.pem"),
      "--key",
      path("good.key"),
      "--json",
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { outcome: string; status: number; body: string };
    expect([result.outcome, result.status]).toEqual(["accepted", 200]);
    expect(result.body).toContain("CN=probe-device");
  });

  it("refused: exit 1 with API Gateway's reason; no certificate: exit 1 too", async () => {
    const r = await cli(
      url(),
      ...via(),
      "--cert",
      path("stranger.pem"),
      "--key",
      path("stranger.key"),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "Refused: HTTP 403 Forbidden (Access denied. Reason: Could not find issuer for certificate)",
    );
    const none = await cli(url(), ...via(), "--json");
    expect([none.code, (JSON.parse(none.stdout) as { reason: string }).reason]).toEqual([
      1,
      "Access denied. Reason: No client certificate presented",
    ]);
  });

  it("a name the listener does not serve: the handshake is refused, exit 1", async () => {
    const r = await cli("https://nobody.test.example/", ...via(), "--json");
    expect([r.code, (JSON.parse(r.stdout) as { outcome: string }).outcome]).toEqual([
      1,
      "handshake-refused",
    ]);
  });

  it("an untrusted server: exit 2; an unreachable address: exit 4; a bad URL or --connect: exit 3", async () => {
    const untrusted = await cli(url(), "--connect", `127.0.0.1:${port}`, "--json");
    expect([untrusted.code, (JSON.parse(untrusted.stdout) as { outcome: string }).outcome]).toEqual(
      [2, "untrusted-server"],
    );
    const closed = await cli(url(), "--connect", "127.0.0.1:1", "--json");
    expect([closed.code, (JSON.parse(closed.stdout) as { outcome: string }).outcome]).toEqual([
      4,
      "unreachable",
    ]);
    const plain = await cli("http://plain.example/");
    expect([plain.code, plain.stderr]).toEqual([3, expect.stringContaining("https:// URL")]);
    expect((await cli(url(), "--connect", "nowhere")).code).toBe(3);
  });

  it("reads the certificate and its key from standard input (--cert - --key K)", async () => {
    const r = await probeRun(
      [url(), ...via(), "--cert", "-", "--key", path("good.key")],
      readFileSync(path("good.pem")),
    );
    expect([r.code, r.stdout]).toEqual([0, expect.stringMatching(/^Accepted/)]);
  });
});

const curl = existsSync("/usr/bin/curl") ? "/usr/bin/curl" : undefined;
if (!curl && process.env.CI) throw new Error("The curl cross-check needs /usr/bin/curl");

describe.skipIf(!curl)("curl --cert against the data plane", () => {
  const curlStatus = async (...args: string[]) =>
    (
      await run(curl!, [
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "--cacert",
        path("ca.pem"),
        "--resolve",
        `${DOMAIN}:${port}:127.0.0.1`,
        ...args,
        `https://${DOMAIN}:${port}/hello`,
      ])
    ).stdout;

  it("a trusted client gets 200, a stranger and no certificate get 403", async () => {
    expect(await curlStatus("--cert", path("good.pem"), "--key", path("good.key"))).toBe("200");
    expect(await curlStatus("--cert", path("stranger.pem"), "--key", path("stranger.key"))).toBe(
      "403",
    );
    expect(await curlStatus()).toBe("403");
  });
});
