import type { DomainError } from "../lib/domains/shared/errors";

/** The DomainError a call is refused with; a call that succeeds fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error("expected a refusal");
}
