/**
 * --state FILE: the state is written atomically (temporary file, then
 * rename) after every change. A missing file starts fresh; a corrupt one is
 * moved aside with a clear message, never a crash.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { emptyState, stateSchema, type EmulatorState } from "./state";

export interface LoadResult {
  state: EmulatorState;
  /** True when the file held a usable state. */
  loaded: boolean;
  message: string;
}

export function loadState(file: string): LoadResult {
  if (!existsSync(file)) {
    return {
      state: emptyState(),
      loaded: false,
      message: `State file ${file} does not exist yet: starting with a fresh state.`,
    };
  }
  let problem: string;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success)
      return { state: parsed.data, loaded: true, message: `Loaded the state from ${file}.` };
    problem = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
  } catch (error) {
    problem =
      error instanceof SyntaxError ? `not JSON (${error.message})` : (error as Error).message;
  }
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  try {
    renameSync(file, aside);
  } catch {
    // Could not move it aside: it will be overwritten by the next save.
  }
  return {
    state: emptyState(),
    loaded: false,
    message: `State file ${file} is unreadable (${problem}). Starting with a fresh state; the old file was kept as ${aside}.`,
  };
}

export function saveState(file: string, state: EmulatorState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // It holds private keys: readable by its owner only.
  writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
  renameSync(temporary, file);
}
