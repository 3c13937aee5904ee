import "server-only";
/**
 * Which AWS the dashboard talks to, as plain data for the banner: for a
 * custom endpoint, which backend answers there and what it cannot do.
 */
import { FEATURES, gap, type FeatureId } from "../../aws/backend-support";
import { getCapabilities } from "../../aws/capabilities";
import { getBackend, type BackendKind } from "../../aws/config";
import { backendLabel } from "../changes/change-blocked";

export interface BackendInfo {
  kind: BackendKind;
  endpoint?: string;
  defaultRegion: string;
  /** The embedded emulator's data plane: its custom domains over real TLS. */
  dataPlanePort?: number;
  /** For a custom endpoint: what answers there, and what it lacks (one line each). */
  detected?: { label: string; gaps: string[] };
}

const UNKNOWN_GAPS = [
  "Mutual TLS settings it leaves out are shown as unknown, never as off.",
  "Changes are tried; a refusal is shown as such.",
];

export async function describeBackend(): Promise<BackendInfo> {
  const backend = await getBackend();
  const info: BackendInfo = { kind: backend.kind, defaultRegion: backend.defaultRegion };
  if (backend.endpoint) info.endpoint = backend.endpoint;
  if (backend.dataPlanePort) info.dataPlanePort = backend.dataPlanePort;
  if (backend.kind === "endpoint") {
    const { backend: name } = await getCapabilities();
    const gaps =
      name === "unknown-endpoint"
        ? UNKNOWN_GAPS
        : (Object.keys(FEATURES) as FeatureId[])
            .filter((f) => f !== "test-controls" && gap(name, f))
            .map((f) => `${FEATURES[f].what}: ${gap(name, f)}.`);
    info.detected = { label: backendLabel(name), gaps };
  }
  return info;
}
