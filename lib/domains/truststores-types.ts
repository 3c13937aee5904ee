import type { TruststoreDiff } from "../truststore/diff";
import type { LockoutAssessment } from "../truststore/lockout";
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
  /** Which client chains that work today switching to this version would break. */
  lockout?: LockoutAssessment;
  isActive: boolean;
}
