import "server-only";
/**
 * AWS errors become fixed, helpful messages: raw SDK text (which can hold
 * ARNs of other accounts or request details) never reaches the browser.
 */

export class AwsFailure extends Error {
  constructor(
    /** A message fit for the user. */
    message: string,
    /** The AWS error name, for logs and branching (never shown raw). */
    readonly code: string,
    readonly status?: number,
    readonly requestId?: string,
    /** Whether trying again can fix it (throttling, AWS's transient errors); the message says so only then. */
    readonly retryable = false,
    /** How many of the SDK's tries of the call ended with no answer (timed out, cut off). */
    readonly unansweredTries = 0,
    /** false: the call itself never left (its credentials could not be had): it cannot have landed. */
    readonly sent = true,
  ) {
    super(message);
    this.name = "AwsFailure";
  }

  /** Whether AWS answered at all: a call with no answer (timed out, cut off) may still have been carried out. */
  get answered(): boolean {
    return this.status !== undefined;
  }

  /**
   * Whether AWS was never reached, or did not take who is asking: no network
   * path to it, no answer in time, no usable credentials (the CLIs exit 4).
   */
  get unreachable(): boolean {
    return UNREACHABLE.has(this.code);
  }

  /**
   * Whether a write that failed so may still have been carried out: it had
   * no answer, or an earlier try had none (it may have landed before it
   * timed out, and the SDK's retry got the answer that is seen).
   */
  get mayHaveLanded(): boolean {
    return this.sent && (!this.answered || this.unansweredTries > 0);
  }
}

const MESSAGES: Record<string, string> = {
  CredentialsProviderError:
    "No AWS credentials were found. Set AWS_PROFILE (or sign in with `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
  ExpiredToken: "The AWS session has expired. Sign in again (for SSO: `aws sso login`).",
  ExpiredTokenException: "The AWS session has expired. Sign in again (for SSO: `aws sso login`).",
  UnrecognizedClientException:
    "AWS did not recognise the credentials in use. Check the profile or access keys.",
  InvalidClientTokenId:
    "AWS did not recognise the credentials in use. Check the profile or access keys.",
  InvalidSignatureException:
    "AWS refused the request signature. Check the secret key and the machine's clock.",
  AccessDenied: "Access denied: the credentials in use lack a permission this page needs.",
  AccessDeniedException: "Access denied: the credentials in use lack a permission this page needs.",
  UnauthorizedException: "Access denied: the credentials in use lack a permission this page needs.",
  TooManyRequestsException: "AWS is throttling requests right now. Wait a moment and try again.",
  ThrottlingException: "AWS is throttling requests right now. Wait a moment and try again.",
  SlowDown: "S3 is throttling requests right now. Wait a moment and try again.",
  ServiceUnavailableException: "The AWS service is unavailable right now. Try again shortly.",
  ServiceUnavailable: "The AWS service is unavailable right now. Try again shortly.",
  InternalServerErrorException: "AWS had an internal error. Try again shortly.",
  InternalError: "AWS had an internal error. Try again shortly.",
  InternalFailure: "This AWS endpoint does not support that operation.",
  NotFoundException: "Not found: it may have been deleted.",
  ConflictException:
    "AWS refused the change because of a conflicting change in progress. Wait until the domain is AVAILABLE and try again.",
  NoSuchBucket: "The S3 bucket does not exist (or is in another account).",
  NoSuchKey: "The S3 object does not exist.",
  NoSuchVersion: "That S3 object version does not exist.",
  ECONNREFUSED:
    "The AWS endpoint cannot be reached (connection refused). Is the emulator or LocalStack running?",
  ENOTFOUND:
    "The AWS endpoint's host name cannot be resolved. Check AWS_ENDPOINT_URL and the network.",
  TimeoutError: "The AWS endpoint did not answer in time.",
  AbortError: "The AWS endpoint did not answer within the call's deadline.",
  DeadlineExceeded: "There was no time left for the call within its deadline.",
};

/** Errors that say AWS was not reached, or did not take the credentials in use. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "ETIMEDOUT",
  "TimeoutError",
  "AbortError",
  "CredentialsProviderError",
  "ExpiredToken",
  "ExpiredTokenException",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
]);

/** Errors that waiting and trying again can fix: throttling and AWS's own transient errors. */
const RETRYABLE = new Set([
  "TooManyRequestsException",
  "ThrottlingException",
  "Throttling",
  "RequestLimitExceeded",
  "SlowDown",
  "ServiceUnavailableException",
  "ServiceUnavailable",
  "InternalServerErrorException",
  "InternalError",
  "TimeoutError",
  "AbortError",
  "ECONNRESET",
  "ETIMEDOUT",
]);

/** The user-facing form of any error thrown by an SDK call. */
export function toAwsFailure(error: unknown, doing: string): AwsFailure {
  if (error instanceof AwsFailure) return error;
  const e = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
    $retryable?: unknown;
    cause?: { code?: string };
  };
  const code = e.code ?? e.cause?.code ?? e.name ?? "Error";
  const known = MESSAGES[code] ?? MESSAGES[e.name ?? ""];
  const status = e.$metadata?.httpStatusCode;
  const retryable =
    RETRYABLE.has(code) || !!e.$retryable || status === 502 || status === 503 || status === 504;
  const tries = e.$metadata?.attempts ?? 1;
  const message =
    known ??
    (status === 400
      ? "AWS refused the request as invalid."
      : retryable
        ? "AWS had an error. Try again shortly."
        : status && status >= 500
          ? `The endpoint failed with HTTP ${status}${tries > 1 ? ` on all ${tries} tries` : ""} and gave no AWS error: it may not support this call. Trying again will not help.`
          : "The AWS call failed.");
  return new AwsFailure(
    `Could not ${doing}: ${message}`,
    code,
    status,
    e.$metadata?.requestId,
    retryable,
    (error as { $unansweredTries?: number }).$unansweredTries ?? 0,
  );
}

/** Runs an SDK call; failures come back as AwsFailure. */
export async function awsCall<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAwsFailure(error, doing);
  }
}

/** Runs an SDK read; `null` when AWS answers that the thing does not exist (errorName), an AwsFailure otherwise. */
export async function awsReadOrNull<T>(
  doing: string,
  errorName: string,
  call: () => Promise<T>,
): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if ((error as { name?: string }).name === errorName) return null;
    throw toAwsFailure(error, doing);
  }
}
