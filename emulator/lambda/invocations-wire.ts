/**
 * Invoke (POST /2015-03-31/functions/{name}/invocations): RequestResponse
 * answers the handler's result; a function error or a timeout is a 200
 * with X-Amz-Function-Error: Unhandled and {errorType, errorMessage}, as
 * AWS answers. Event runs the function without waiting (202); DryRun only
 * checks that it exists (204).
 */
import { AwsError, header, type Reply } from "../http";
import type { Handler } from "../route-table";
import { functionArn, requireFunction } from "./functions-state";
import { invocationOutcome } from "./invoke";

const INVOCATION_TYPES = ["RequestResponse", "Event", "DryRun"];

export const invoke: Handler = async (req, ctx, params) => {
  const qualifier = req.url.searchParams.get("Qualifier");
  const name = decodeURIComponent(params.name!) + (qualifier ? `:${qualifier}` : "");
  const fn = requireFunction(ctx, req.region, name);
  const type = header(req, "x-amz-invocation-type") ?? "RequestResponse";
  if (!INVOCATION_TYPES.includes(type))
    throw new AwsError(
      400,
      "InvalidParameterValueException",
      `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
    );
  const text = req.body.length > 0 ? req.body.toString("utf8") : "{}";
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch (error) {
    throw new AwsError(
      400,
      "InvalidRequestContentException",
      `Could not parse request body into json: ${(error as Error).message}`,
    );
  }
  const arn = functionArn(ctx.account, fn.region, fn.name);
  if (type === "DryRun") return { status: 204 };
  if (type === "Event") {
    void invocationOutcome(ctx, fn.region, arn, event);
    return { status: 202 };
  }
  const outcome = await invocationOutcome(ctx, fn.region, arn, event);
  const headers = { "content-type": "application/json", "x-amz-executed-version": "$LATEST" };
  if (!outcome) throw new AwsError(404, "ResourceNotFoundException", `Function not found: ${arn}`);
  if (outcome.ok) return { status: 200, headers, body: outcome.payload };
  const { errorType, errorMessage, trace } = outcome;
  const reply: Reply = {
    status: 200,
    headers: { ...headers, "x-amz-function-error": "Unhandled" },
    body: JSON.stringify({ errorType, errorMessage, ...(trace ? { trace } : {}) }),
  };
  return reply;
};
