/**
 * Expecting a failure: the error a call is rejected with (a call that
 * succeeds fails the test), as it is (`refusal`, the dashboard's
 * DomainError) or as AWS's wire shows it (`errorOf`).
 */
import type { DomainError } from "../lib/domains/shared/errors";

async function rejection(promise: Promise<unknown>, expected: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${expected}`);
}

/** The DomainError a call is refused with. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  return (await rejection(promise, "a refusal")) as DomainError;
}

export interface CaughtAwsError {
  name: string;
  status?: number;
  attempts?: number;
  message: string;
  headers: Record<string, string>;
}

/** The AWS error a call fails with: its name, HTTP status, tries and headers. */
export async function errorOf(promise: Promise<unknown>): Promise<CaughtAwsError> {
  const e = (await rejection(promise, "the call to fail")) as {
    name: string;
    message: string;
    $metadata?: { httpStatusCode?: number; attempts?: number };
    $response?: { headers?: Record<string, string> };
  };
  return {
    name: e.name,
    status: e.$metadata?.httpStatusCode,
    attempts: e.$metadata?.attempts,
    message: e.message,
    headers: e.$response?.headers ?? {},
  };
}
