/**
 * For the CLIs that read AWS: with no AWS configuration at all, they read
 * the embedded emulator's demo data, started in their own process (as
 * instrumentation.ts does for the dashboard).
 */
import { provideEmbeddedBackend, resolveBackendKind } from "../lib/aws/config";
import { startEmbedded } from "../emulator/embedded";

export function startEmbeddedIfNeeded(): void {
  // Its lines go to stderr: a CLI's stdout is its report (--json must parse).
  if (resolveBackendKind() === "embedded")
    provideEmbeddedBackend(() => startEmbedded(process.env, (line) => console.error(line)));
}
