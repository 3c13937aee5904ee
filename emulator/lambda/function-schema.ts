/**
 * A Lambda function as the emulator keeps it ($LATEST only): its
 * configuration, its zip and its resource policy.
 */
import { z } from "zod";

export const lambdaFunctionSchema = z.object({
  region: z.string(),
  name: z.string(),
  runtime: z.string(),
  role: z.string(),
  handler: z.string(),
  description: z.string(),
  timeout: z.number(),
  memorySize: z.number(),
  environment: z.record(z.string(), z.string()),
  /** Base64 of the deployment package (a zip). */
  zipBase64: z.string(),
  /** Base64 of the zip's SHA-256, as AWS reports it. */
  codeSha256: z.string(),
  codeSize: z.number(),
  lastModified: z.number(),
  revisionId: z.string(),
  /** The resource policy's statements (AddPermission), stored, not enforced. */
  policy: z.array(z.record(z.string(), z.unknown())),
});
export type LambdaFunction = z.infer<typeof lambdaFunctionSchema>;
