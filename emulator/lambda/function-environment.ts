/**
 * The environment a function runs with, as Lambda gives it: the
 * function's Environment.Variables and Lambda's own variables, with test
 * credentials of the function's account and AWS_ENDPOINT_URL set to the
 * emulator, so an AWS SDK v3 bundled in the function calls the emulator in
 * that account. The endpoint is an IP address, so S3 clients address
 * buckets path-style.
 */
import type { Context } from "../http";
import { ACCOUNT_ID, type LambdaFunction } from "../state";

/**
 * The credentials a function of `account` gets (the emulator accepts any):
 * "test" in the default account, else the account's id as the access key,
 * which the emulator reads as that account.
 */
export const functionCredentials = (account: string) => ({
  AWS_ACCESS_KEY_ID: account === ACCOUNT_ID ? "test" : account,
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_SESSION_TOKEN: "test",
});

export function functionEnvironment(
  ctx: Context,
  fn: LambdaFunction,
  taskRoot: string,
): Record<string, string> {
  return {
    // Defaults a function may override with its own variables.
    AWS_ENDPOINT_URL: ctx.endpoint,
    LANG: "en_US.UTF-8",
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    ...fn.environment,
    // Lambda's own, which CreateFunction refuses in Environment.Variables.
    ...functionCredentials(ctx.account),
    AWS_REGION: fn.region,
    AWS_DEFAULT_REGION: fn.region,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(fn),
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    LAMBDA_TASK_ROOT: taskRoot,
    _HANDLER: fn.handler,
  };
}

/** A log stream name of Lambda's shape: DATE/[$LATEST]ID, one per warm worker. */
export function logStreamName(fn: LambdaFunction): string {
  const day = new Date(fn.lastModified).toISOString().slice(0, 10).replaceAll("-", "/");
  return `${day}/[$LATEST]${fn.revisionId.replaceAll("-", "")}`;
}
