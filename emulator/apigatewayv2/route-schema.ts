/**
 * An HTTP API's routes and authorizers as the emulator keeps them (inside
 * the HTTP API's record), in API Gateway v2's terms.
 */
import { z } from "zod";

export const ROUTE_AUTHORIZATION_TYPES = ["NONE", "CUSTOM", "JWT", "AWS_IAM"] as const;

export const httpRouteSchema = z.object({
  routeId: z.string(),
  /** `GET /orders`, `ANY /{proxy+}` or `$default`. */
  routeKey: z.string(),
  authorizationType: z.enum(ROUTE_AUTHORIZATION_TYPES),
  authorizerId: z.string().optional(),
  authorizationScopes: z.array(z.string()).optional(),
  apiKeyRequired: z.boolean(),
  operationName: z.string().optional(),
  target: z.string().optional(),
});
export type HttpRoute = z.infer<typeof httpRouteSchema>;

export const httpAuthorizerSchema = z.object({
  authorizerId: z.string(),
  name: z.string(),
  authorizerType: z.enum(["REQUEST", "JWT"]),
  authorizerUri: z.string().optional(),
  authorizerCredentialsArn: z.string().optional(),
  authorizerPayloadFormatVersion: z.enum(["1.0", "2.0"]).optional(),
  enableSimpleResponses: z.boolean(),
  authorizerResultTtlInSeconds: z.number(),
  /** `$request.header.X`, `$request.querystring.X`, `$context.X`, `$stageVariables.X`. */
  identitySource: z.array(z.string()),
  identityValidationExpression: z.string().optional(),
  jwtConfiguration: z
    .object({ audience: z.array(z.string()).optional(), issuer: z.string().optional() })
    .optional(),
});
export type HttpAuthorizer = z.infer<typeof httpAuthorizerSchema>;
