/** ACM's errors for a missing certificate and an invalid request. */
import { AwsError } from "../http";

export const notFound = (arn: string) =>
  new AwsError(400, "ResourceNotFoundException", `Could not find certificate ${arn}.`);
export const validation = (message: string) => new AwsError(400, "ValidationException", message);
