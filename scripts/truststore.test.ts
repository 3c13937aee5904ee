/**
 * The CLI as a pipeline runs it: a real process, real files, exit codes and
 * the --json shape, for every rule of docs/truststore-rules.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bundle,
  chain,
  issue,
  tamperSignature,
  type Issued,
} from "../lib/truststore/test-support/fixtures";
import { opensslSelfSigned } from "../lib/truststore/test-support/openssl";
import { CERTIFICATE_RULES, FILE_RULES } from "../lib/truststore/types";
import { runProcess } from "../test-support/cli-process";

const dir = mkdtempSync(join(tmpdir(), "truststore-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], input?: string) =>
  runProcess(join("node_modules", ".bin", "tsx"), ["scripts/truststore.ts", ...args], { input });

const KEY_BLOCK = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBGt\n-----END EC PRIVATE KEY-----\n";

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("truststore CLI", () => {
  const cases: Record<string, { content: string | Uint8Array; verdict: string; code: number }> = {};
  let root: Issued[];

  beforeAll(async () => {
    root = await chain(3, { prefix: "Cli" });
    const [r, i, l] = root;
    const five = await chain(5, { prefix: "CliFive" });
    const plain = await issue({ subject: "CN=Cli Plain", issuer: r!, ca: false });
    const childOfPlain = await issue({ subject: "CN=Cli Child", issuer: plain, ca: false });
    const e = (content: string | Uint8Array) => ({ content, verdict: "error", code: 2 });
    const w = (content: string) => ({ content, verdict: "warnings", code: 1 });
    Object.assign(cases, {
      empty: e("# nothing but a comment\n"),
      "pem-syntax": e(r!.pem.split("\n").slice(0, 4).join("\n")),
      "private-key": e(bundle(r!, KEY_BLOCK)),
      "not-a-certificate": e("-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----\n"),
      "x509-syntax": e(
        "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n",
      ),
      "too-large": e(r!.pem + "\n" + "#".repeat(1_000_100)),
      signature: w(bundle(r!, tamperSignature(i!))),
      expired: w((await issue({ subject: "CN=Cli Expired", validDays: [-100, -1] })).pem),
      "not-yet-valid": w((await issue({ subject: "CN=Cli Future", validDays: [1, 100] })).pem),
      "issuer-missing": w(bundle(i!, l!)),
      "issuer-not-ca": w(bundle(r!, plain, childOfPlain)),
      "chain-length": w(bundle(...five)),
      "weak-hash": w((await issue({ subject: "CN=Cli SHA1", hash: "SHA-1" })).pem),
      "weak-key": w((await issue({ subject: "CN=Cli RSA1024", key: { rsa: 1024 } })).pem),
      "unsupported-algorithm": w(
        opensslSelfSigned({ newkey: ["-newkey", "ed25519"], subject: "/CN=Cli Ed25519" }).pem,
      ),
      duplicate: w(bundle(r!, r!)),
      "expiring-soon": {
        content: (await issue({ subject: "CN=Cli Soon", validDays: [-1, 10] })).pem,
        verdict: "ok",
        code: 0,
      },
    });
  });

  it("covers every rule id of the rules document", () => {
    expect(Object.keys(cases).sort()).toEqual([...FILE_RULES, ...CERTIFICATE_RULES].sort());
  });

  it("gives the right verdict, exit code and rule id for every rule", async () => {
    for (const [rule, c] of Object.entries(cases)) {
      const { code, stdout } = await cli(["check", file(`${rule}.pem`, c.content), "--json"]);
      const json = JSON.parse(stdout) as {
        verdict: string;
        findings: { rule: string; certificate?: number }[];
      };
      expect(json.verdict, rule).toBe(c.verdict);
      expect(code, rule).toBe(c.code);
      expect(
        json.findings.map((f) => f.rule),
        rule,
      ).toContain(rule);
    }
  }, 120_000);

  it("prints the documented JSON shape and exits 0 for a sound truststore", async () => {
    const path = file("good.pem", bundle(...root));
    const { code, stdout } = await cli(["check", path, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.verdict).toBe("ok");
    expect(json.findings).toEqual([]);
    expect(json.certificates[2]).toEqual({
      index: 2,
      subject: "CN=Cli Client, O=Example",
      issuer: "CN=Cli Intermediate 1, O=Example",
      serialNumber: expect.stringMatching(/^[0-9A-F]+$/),
      notBefore: expect.any(String),
      notAfter: expect.any(String),
      fingerprintSha256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
      publicKey: {
        algorithm: "EC",
        algorithmOid: "1.2.840.10045.2.1",
        curve: "P-256",
        curveOid: "1.2.840.10045.3.1.7",
        bits: 256,
      },
      signatureAlgorithm: "ecdsa-with-SHA256",
      isCA: false,
      selfSigned: false,
      path: [2, 1, 0],
    });
  });

  it("--at moves the evaluation time; --expiring-days sets the window", async () => {
    const path = file("at.pem", root[0]!.pem);
    const later = await cli(["check", path, "--json", "--at", "2099-01-01T00:00:00Z"]);
    expect(later.code).toBe(1);
    expect(JSON.parse(later.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual([
      "expired",
    ]);
    const wide = await cli(["check", path, "--json", "--expiring-days", "400"]);
    expect(wide.code).toBe(0);
    expect(JSON.parse(wide.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual([
      "expiring-soon",
    ]);
  });

  it("prints a readable report without --json", async () => {
    const path = file("human.pem", bundle(root[0]!, tamperSignature(root[1]!)));
    const { code, stdout } = await cli(["check", path]);
    expect(code).toBe(1);
    expect(stdout).toContain("verdict: WARNINGS");
    expect(stdout).toContain("#2  CN=Cli Intermediate 1, O=Example");
    expect(stdout).toMatch(/warning\s+signature/);
  });

  it("diff and client commands", async () => {
    const old = file("old.pem", bundle(root[0]!, root[1]!));
    const next = file("new.pem", root[0]!.pem);
    // A change that removes a CA refuses its clients: exit 1, so it can gate a pipeline.
    const diff = await cli(["diff", old, next]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain("0 certificates added, 1 certificate removed, 1 unchanged");
    expect(diff.stdout).toContain(
      'Clients whose certificates chain up to "CN=Cli Intermediate 1, O=Example" will be refused',
    );
    const json = await cli(["diff", old, next, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ refusesClients: true, newVerdict: "ok" });
    const adds = await cli(["diff", next, old, "--json"]);
    expect([adds.code, JSON.parse(adds.stdout).refusesClients]).toEqual([0, false]);

    const client = file("client.pem", root[2]!.pem);
    const accepted = await cli(["client", client, "--truststore", old, "--json"]);
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout).accepted).toBe(true);
    const refused = await cli(["client", client, "--truststore", next]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("REFUSED");
    expect(refused.stdout).toContain("Could not find issuer for certificate");
  });

  it("a certificate and its key given as the client: bad input (exit 3), never REFUSED", async () => {
    const truststore = file("ts.pem", bundle(...root));
    const withKey = file("client-and-key.pem", bundle(root[2]!, KEY_BLOCK));
    const text = await cli(["client", withKey, "--truststore", truststore]);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/^BAD INPUT: /);
    expect(text.stdout).not.toContain("REFUSED");
    expect(text.stdout).toMatch(/private-key/);
    const json = await cli(["client", withKey, "--truststore", truststore, "--json"]);
    expect([json.code, JSON.parse(json.stdout).verdict]).toEqual([3, "bad-input"]);
  });

  it("reads a file named - from standard input, once", async () => {
    const fromStdin = await cli(["check", "-", "--json"], bundle(...root));
    expect([fromStdin.code, JSON.parse(fromStdin.stdout).certificates.length]).toEqual([0, 3]);
    const client = await cli(
      ["client", "-", "--truststore", file("stdin-ts.pem", bundle(...root))],
      root[2]!.pem,
    );
    expect([client.code, client.stdout]).toEqual([0, expect.stringMatching(/^ACCEPTED/)]);
    const twice = await cli(["diff", "-", "-"], root[0]!.pem);
    expect([twice.code, twice.stderr]).toEqual([3, expect.stringContaining("only once")]);
  });

  it("bad usage and unreadable files exit 3 with a clear message and the usage", async () => {
    const missing = await cli(["check", join(dir, "nope.pem")]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("No such file");
    expect(missing.stderr).toContain("Usage:\n  npm run --silent truststore -- check FILE");
    const badAt = await cli(["check", file("x.pem", root[0]!.pem), "--at", "tomorrow"]);
    expect(badAt.code).toBe(3);
    expect(badAt.stderr).toContain("--at wants an ISO-8601 time");
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const option = await cli(["check", file("y.pem", root[0]!.pem), "--frobnicate"]);
    expect([option.code, option.stderr]).toEqual([3, expect.stringContaining("--frobnicate")]);
    expect((await cli([])).code).toBe(3);
  });
});
