import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach } from "vitest";
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
  return whenStarted(() => running);
}

/** The suite's emulator as a handle usable once it has started. */
function whenStarted(running: () => TestEmulator | undefined): TestEmulator {
  return new Proxy({} as TestEmulator, {
    get(_, key: keyof TestEmulator) {
      const emulator = running();
      if (!emulator) throw new Error("The suite's emulator starts in beforeAll.");
      const value = emulator[key];
      return typeof value === "function" ? value.bind(emulator) : value;
    },
  });
}

/**
 * For a vitest suite that counts requests through its own clients: an
 * emulator (the project's configuration untouched) holding `bucket` with
 * one object "a", its faults and request counts cleared before each test.
 */
export function bucketEmulator(bucket: string): TestEmulator {
  let running: TestEmulator | undefined;
  beforeAll(async () => {
    running = await startTestEmulator();
    await running.clients().s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await running.clients().s3.send(new PutObjectCommand({ Bucket: bucket, Key: "a", Body: "a" }));
  });
  afterAll(async () => running?.stop());
  beforeEach(async () => {
    await running!.control("faults", undefined, "DELETE");
    await running!.control("requests", undefined, "DELETE");
  });
  return whenStarted(() => running);
}
