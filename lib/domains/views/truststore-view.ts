import "server-only";
/**
 * The domain page's truststore parts, read apart from the rest so that the
 * page renders at once and these stream in: the active version (decoded and
 * checked now), and the version history. Each is read once per request
 * (React's cache), whichever sections ask.
 */
import { cache } from "react";
import type { TruststoreRef } from "./detail";
import { readPart, type Loaded } from "../shared/loaded";
import { checkVersion, type CheckedVersion, type VersionSummary } from "../versions/truststores";
import { versionHistory } from "../versions/version-history";

const activeVersion = cache(
  (bucket: string, key: string, versionId: string | undefined, region: string) =>
    readPart(() => checkVersion({ bucket, key }, versionId, region), "the active version"),
);

const history = cache(
  (bucket: string, key: string, versionId: string | undefined, region: string) =>
    readPart(() => versionHistory({ bucket, key }, versionId, region), "the version history"),
);

/** Reads through a per-request loader, or says why the truststore cannot be read at all. */
function read<T>(
  truststore: TruststoreRef,
  region: string,
  loader: (
    bucket: string,
    key: string,
    versionId: string | undefined,
    region: string,
  ) => Promise<Loaded<T>>,
): Promise<Loaded<T>> {
  if (!truststore.location) {
    return Promise.resolve({
      ok: false,
      message: truststore.problem ?? "The truststore URI is not usable.",
      retryable: false,
    });
  }
  return loader(
    truststore.location.bucket,
    truststore.location.key,
    truststore.pinnedVersionId,
    region,
  );
}

/** The active truststore version, decoded and checked now. */
export function activeTruststore(
  truststore: TruststoreRef,
  region: string,
): Promise<Loaded<CheckedVersion>> {
  return read(truststore, region, activeVersion);
}

/** Every version of the truststore object, newest first (the newest 50 summarised). */
export function truststoreHistory(
  truststore: TruststoreRef,
  region: string,
): Promise<Loaded<{ versions: VersionSummary[]; truncated: boolean }>> {
  return read(truststore, region, history);
}
