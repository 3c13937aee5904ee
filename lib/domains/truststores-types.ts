import type { TruststoreDiff } from "../truststore/diff";
import type { TruststoreReport } from "../truststore/types";
import type { TruststoreMetadata, TruststoreVersion } from "./types";

/** One version in the history, decoded, checked and diffed against the active one. */
export interface VersionSummary extends TruststoreVersion {
  metadata: TruststoreMetadata;
  certificateCount: number;
  verdict: TruststoreReport["verdict"];
  counts: { error: number; warning: number; info: number };
  /** What switching from the active version to this one would change. */
  diffFromActive?: TruststoreDiff;
  isActive: boolean;
}
