/**
 * Runs the system's openssl for tests: to cross-check our decoding and to
 * make what WebCrypto cannot (P-192, DSA, Ed25519, MD5 signatures).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function openssl(args: string[], input?: string): string {
  return execFileSync("openssl", args, {
    input,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Runs openssl in a scratch folder holding `files`; returns stdout, or stdout+stderr and the exit status. */
export function opensslWithFiles(
  files: Record<string, string>,
  args: (dir: string) => string[],
): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "mtls-openssl-"));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    try {
      const output = execFileSync("openssl", args(dir), {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      return { status: 0, output };
    } catch (error) {
      const e = error as { status?: number; stdout?: string; stderr?: string };
      return { status: e.status ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A self-signed CA certificate made by openssl. `newkey` holds the key
 * options, e.g. ["-newkey", "ed25519"]; "{params}" in it stands for a DSA
 * parameter file made first.
 */
export function opensslSelfSigned(options: {
  newkey: string[];
  subject: string;
  digest?: string;
  days?: number;
  extra?: string[];
}): { pem: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), "mtls-openssl-"));
  try {
    const keyFile = join(dir, "key.pem");
    const certFile = join(dir, "cert.pem");
    const params = join(dir, "params.pem");
    if (options.newkey.some((a) => a.includes("{params}"))) {
      execFileSync(
        "openssl",
        [
          "genpkey",
          "-genparam",
          "-algorithm",
          "DSA",
          "-pkeyopt",
          "dsa_paramgen_bits:2048",
          "-out",
          params,
        ],
        { stdio: "ignore" },
      );
    }
    const newkey = options.newkey.map((a) => a.replace("{params}", params));
    const args = [
      "req",
      "-x509",
      "-nodes",
      ...newkey,
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-subj",
      options.subject,
      "-days",
      String(options.days ?? 365),
    ];
    if (options.digest) args.push(`-${options.digest}`);
    if (options.extra) args.push(...options.extra);
    args.push("-addext", "basicConstraints=critical,CA:TRUE");
    execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });
    return {
      pem: execFileSync("cat", [certFile], { encoding: "utf8" }),
      key: execFileSync("cat", [keyFile], { encoding: "utf8" }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
