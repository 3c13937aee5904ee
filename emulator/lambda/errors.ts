/**
 * Lambda's errors as its wire shows them: the code in `x-amzn-ErrorType`,
 * and a body with `Type` (User or Service) and the message under the key
 * the service model gives each error (`Message` for ResourceNotFound and
 * Service exceptions, `message` for the others).
 */
import { AwsError, json, type Reply } from "../http";

const CAPITAL_MESSAGE = new Set(["ResourceNotFoundException", "ServiceException"]);

export function lambdaErrorReply(err: AwsError, headers: Record<string, string>): Reply {
  const key = CAPITAL_MESSAGE.has(err.code) ? "Message" : "message";
  return json(
    err.status,
    { Type: err.status >= 500 ? "Service" : "User", [key]: err.message },
    { ...headers, "x-amzn-errortype": err.code },
  );
}

export const invalidParameter = (message: string) =>
  new AwsError(400, "InvalidParameterValueException", message);

export const functionNotFound = (account: string, region: string, name: string) =>
  new AwsError(
    404,
    "ResourceNotFoundException",
    `Function not found: arn:aws:lambda:${region}:${account}:function:${name}`,
  );

export const conflict = (message: string) =>
  new AwsError(409, "ResourceConflictException", message);
