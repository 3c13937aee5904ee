import "server-only";
/**
 * Which AWS the dashboard talks to, as plain data for the banner.
 */
import { getBackend, type BackendKind } from "../aws/config";

export interface BackendInfo {
  kind: BackendKind;
  endpoint?: string;
  defaultRegion: string;
}

export async function describeBackend(): Promise<BackendInfo> {
  const backend = await getBackend();
  const info: BackendInfo = { kind: backend.kind, defaultRegion: backend.defaultRegion };
  if (backend.endpoint) info.endpoint = backend.endpoint;
  return info;
}
