/**
 * Where functions' code is unpacked: one temporary directory per code
 * SHA-256 (the task root, LAMBDA_TASK_ROOT), made on first use and removed
 * when the emulator stops.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { unzipSync } from "fflate";
import type { LambdaFunction } from "../state";

export class TaskRoots {
  private readonly roots = new Map<string, string>();

  /** The directory holding the function's code, unpacked. */
  of(fn: LambdaFunction): string {
    const known = this.roots.get(fn.codeSha256);
    if (known) return known;
    const root = mkdtempSync(join(tmpdir(), "mtls-console-lambda-"));
    const files = unzipSync(Buffer.from(fn.zipBase64, "base64"));
    for (const [name, content] of Object.entries(files)) {
      const target = resolve(root, name);
      // A zip's names must stay inside the task root.
      if (!target.startsWith(root + sep)) continue;
      if (name.endsWith("/")) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    this.roots.set(fn.codeSha256, root);
    return root;
  }

  removeAll(): void {
    for (const root of this.roots.values()) rmSync(root, { recursive: true, force: true });
    this.roots.clear();
  }
}
