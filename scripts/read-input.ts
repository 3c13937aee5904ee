/**
 * A file a CLI reads (a truststore, a certificate, a key), or all of
 * standard input when its name is `-`. What cannot be read is bad input.
 */
import { readFile } from "node:fs/promises";
import { UsageError } from "./cli-exit";

/** The name that stands for standard input. */
export const STDIN = "-";

let stdinRead = false;

async function readStdin(): Promise<Uint8Array> {
  if (stdinRead) throw new UsageError("Standard input (-) can be read only once.");
  stdinRead = true;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export async function readInput(path: string): Promise<Uint8Array> {
  if (path === STDIN) return readStdin();
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `No such file: ${path}` : `Cannot read ${path} (${code ?? "error"})`,
    );
  }
}

/** The file as UTF-8 text. */
export async function readTextInput(path: string): Promise<string> {
  return new TextDecoder().decode(await readInput(path));
}
