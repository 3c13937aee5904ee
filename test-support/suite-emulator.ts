import { afterAll, beforeAll } from "vitest";
import type { EmulatorOptions } from "../emulator/server";
import { pointSdkAt, startTestEmulator, type TestEmulator } from "./emulator";

/**
 * For a vitest suite: an emulator started before its tests, with the
 * project's AWS configuration pointed at it (plus `env`), stopped after.
 * The returned handle is usable once the suite's tests (and its later
 * beforeAll hooks) run.
 */
export function suiteEmulator(
  env: Record<string, string> = {},
  options: EmulatorOptions = {},
): TestEmulator {
  let running: TestEmulator | undefined;
  let undo = () => {};
  beforeAll(async () => {
    running = await startTestEmulator(options);
    undo = pointSdkAt(running, env);
  });
  afterAll(async () => {
    undo();
    await running?.stop();
  });
  return new Proxy({} as TestEmulator, {
    get(_, key: keyof TestEmulator) {
      if (!running) throw new Error("The suite's emulator starts in beforeAll.");
      const value = running[key];
      return typeof value === "function" ? value.bind(running) : value;
    },
  });
}
