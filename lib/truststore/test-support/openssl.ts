/**
 * Runs the system's openssl for tests: to cross-check our decoding and to
 * make what WebCrypto cannot (P-192, DSA, Ed25519, MD5 signatures).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function openssl(args: string[], input?: string): string {
  return execFileSync("openssl", args, { input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs openssl in a scratch folder holding `files`; returns stdout, or stdout+stderr and the exit status. */
export function opensslWithFiles(files: Record<string, string>, args: (dir: string) => string[]): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "mtls-openssl-"));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    try {
      const output = execFileSync("openssl", args(dir), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      return { status: 0, output };
    } catch (error) {
      const e = error as { status?: number; stdout?: string; stderr?: string };
      return { status: e.status ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A self-signed certificate made by openssl: `newkey` is e.g. "ec -pkeyopt ec_paramgen_curve:prime192v1". */
export function opensslSelfSigned(options: { newkey: string[]; subject: string; digest?: string; days?: number }): { pem: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), "mtls-openssl-"));
  try {
    const keyFile = join(dir, "key.pem");
    const certFile = join(dir, "cert.pem");
    const args = ["req", "-x509", "-nodes", ...options.newkey, "-keyout", keyFile, "-out", certFile, "-subj", options.subject, "-days", String(options.days ?? 365)];
    if (options.digest) args.push(`-${options.digest}`);
    args.push("-addext", "basicConstraints=critical,CA:TRUE");
    execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });
    return { pem: execFileSync("cat", [certFile], { encoding: "utf8" }), key: execFileSync("cat", [keyFile], { encoding: "utf8" }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
