import "server-only";
/**
 * A read that may fail on its own: each section of a page holds one, so one
 * failed call costs its section, never the page. Messages are the fixed,
 * user-facing ones of AwsFailure and DomainError; anything else is logged
 * and described without its text.
 */
import { AwsFailure } from "../../aws/errors";
import { DomainError } from "./errors";

export type Loaded<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      message: string;
      /** Whether trying again can fix it. */
      retryable: boolean;
      /** AWS was not reached (AwsFailure.unreachable). */
      unreachable?: true;
    };

export async function readPart<T>(read: () => Promise<T>, what: string): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof AwsFailure)
      return {
        ok: false,
        message: error.message,
        retryable: error.retryable,
        ...(error.unreachable ? { unreachable: true as const } : {}),
      };
    if (error instanceof DomainError)
      return { ok: false, message: error.message, retryable: false };
    console.error(`[read] ${what}:`, error);
    return { ok: false, message: `Could not read ${what}: an unexpected error.`, retryable: false };
  }
}
