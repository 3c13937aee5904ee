/**
 * Which backend the e2e suite runs against, read when asked (not at
 * import): "emulator" (default: the app's embedded emulator and its control
 * endpoints), "localstack" (a running LocalStack) or "moto" (a moto_server
 * the suite starts). What a backend cannot do is skipped with the reason
 * from lib/aws/backend-support.ts (the README's table).
 */
import { supports, type BackendName, type FeatureId } from "../lib/aws/backend-support";

type Env = Record<string, string | undefined>;

export function e2eTarget(env: Env = process.env): BackendName {
  return env.E2E_TARGET === "localstack" || env.E2E_TARGET === "moto" ? env.E2E_TARGET : "emulator";
}

/** The AWS endpoint the tests seed through. */
export function e2eEndpoint(env: Env = process.env): string {
  const target = e2eTarget(env);
  if (target === "localstack") return env.LOCALSTACK_ENDPOINT ?? "http://127.0.0.1:4566";
  if (target === "moto") return `http://127.0.0.1:${env.E2E_MOTO_PORT ?? 4620}`;
  return `http://127.0.0.1:${env.E2E_EMULATOR_PORT ?? 4610}`;
}

/** Whether the backend under test has this feature (for tests that run everywhere). */
export const has = (feature: FeatureId) => supports(e2eTarget(), feature);
