import type { TruststoreReport } from "../../truststore/types";
import type { TruststoreMetadata, TruststoreVersion } from "../../model/domain";

/** One version in the history, decoded, checked and diffed against the active one. */
export interface VersionSummary extends TruststoreVersion {
  metadata: TruststoreMetadata;
  certificateCount: number;
  verdict: TruststoreReport["verdict"];
  counts: { error: number; warning: number; info: number };
  /** Decoded and checked (the newest 50 and the active one are): it can be compared and activated. */
  analysed?: boolean;
  /** Its summary is being made (first sight of a version another tool wrote): the page refreshes until it is. */
  summarising?: boolean;
  isActive: boolean;
}
