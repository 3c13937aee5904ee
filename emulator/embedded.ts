/**
 * The emulator inside the dashboard's own process (the embedded demo): on
 * EMULATOR_PORT (default 4566, else any free port) with demo data, its data
 * plane on EMULATOR_DATA_PORT (default 4443), its state in EMULATOR_STATE
 * when set. Started by instrumentation.ts, and by the CLIs that read AWS,
 * when no AWS configuration is present.
 */
import "reflect-metadata";
import { startEmulator } from "./server";

type Env = Record<string, string | undefined>;

export interface EmbeddedEmulator {
  endpoint: string;
  compat(): "aws" | "localstack";
  dataPlanePort: number | null;
}

/** `say`: where its lines go (the CLIs send them to stderr: their stdout is their report). */
export async function startEmbedded(
  env: Env = process.env,
  say: (line: string) => void = console.log,
): Promise<EmbeddedEmulator> {
  const options = {
    seed: true,
    updatingMs: 2_000,
    issueDelayMs: 5_000,
    dataPort: Number(env.EMULATOR_DATA_PORT ?? 4443),
    stateFile: env.EMULATOR_STATE || undefined,
    log: (m: string) => say(`[emulator] ${m}`),
  };
  const preferred = Number(env.EMULATOR_PORT ?? 4566);
  const emulator = await startEmulator({ ...options, port: preferred }).catch(() =>
    startEmulator({ ...options, port: 0 }),
  );
  say(
    `[emulator] No AWS configuration found: embedded AWS emulator with demo data on ${emulator.endpoint}`,
  );
  return {
    endpoint: emulator.endpoint,
    compat: () => emulator.config.compat,
    dataPlanePort: emulator.dataPlanePort,
  };
}
