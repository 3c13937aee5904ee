import "server-only";
/**
 * A refusal from the domain layer: a fixed message for the user and a code
 * the UI can branch on (e.g. offer to enable bucket versioning).
 */
export type DomainErrorCode =
  | "not-found"
  | "mtls-off"
  | "bucket-unversioned"
  | "truststore-refused"
  | "warnings-not-acknowledged"
  | "version-missing"
  | "conflict"
  | "unsupported"
  | "status-locked"
  | "lock-lost"
  | "lockout-unconfirmed"
  | "not-mapped"
  | "forbidden"
  | "in-doubt"
  | "mtls-unknown"
  | "intent-unrecorded"
  | "partial"
  | "prerequisite-unmet";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
