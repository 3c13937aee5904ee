/**
 * A REST API's resources, methods and authorizers as the emulator keeps
 * them (inside the REST API's record), and the migration of states saved
 * before resources existed, when a REST API held only `rootMethods`.
 */
import { createHash } from "node:crypto";
import { z } from "zod";

export const AUTHORIZATION_TYPES = ["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"] as const;

const integrationSchema = z.object({
  type: z.string(),
  httpMethod: z.string().optional(),
  uri: z.string().optional(),
});

export const restMethodSchema = z.object({
  httpMethod: z.string(),
  authorizationType: z.enum(AUTHORIZATION_TYPES),
  authorizerId: z.string().optional(),
  apiKeyRequired: z.boolean(),
  operationName: z.string().optional(),
  requestParameters: z.record(z.string(), z.boolean()).optional(),
  integration: integrationSchema.optional(),
});
export type RestMethod = z.infer<typeof restMethodSchema>;

export const restResourceSchema = z.object({
  id: z.string(),
  /** Absent for the root resource. */
  parentId: z.string().optional(),
  /** "" for the root resource; `orders`, `{id}` or `{proxy+}` otherwise. */
  pathPart: z.string(),
  path: z.string(),
  methods: z.record(z.string(), restMethodSchema),
});
export type RestResource = z.infer<typeof restResourceSchema>;

export const restAuthorizerSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(["TOKEN", "REQUEST", "COGNITO_USER_POOLS"]),
  authorizerUri: z.string().optional(),
  authorizerCredentials: z.string().optional(),
  /** Comma-separated, as on the wire: `method.request.header.Auth, context.identity.sourceIp`. */
  identitySource: z.string().optional(),
  identityValidationExpression: z.string().optional(),
  authorizerResultTtlInSeconds: z.number(),
  providerARNs: z.array(z.string()).optional(),
  authType: z.string().optional(),
});
export type RestAuthorizer = z.infer<typeof restAuthorizerSchema>;

/** The root resource's id: stable for the API, of AWS's shape. */
export const rootResourceId = (apiId: string) =>
  createHash("sha256")
    .update(apiId)
    .digest("hex")
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 10);

/** A REST API's resources when it has only its root, with these methods (mock integrations). */
export function rootOnly(apiId: string, methods: string[] = []): Record<string, RestResource> {
  const id = rootResourceId(apiId);
  const entries = methods.map((m): [string, RestMethod] => [
    m,
    {
      httpMethod: m,
      authorizationType: "NONE",
      apiKeyRequired: false,
      integration: { type: "MOCK" },
    },
  ]);
  return { [id]: { id, pathPart: "", path: "/", methods: Object.fromEntries(entries) } };
}

/** States saved before resources: `rootMethods` becomes the root resource's methods. */
export function migrateRootMethods(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const { rootMethods, ...api } = raw as Record<string, unknown>;
  if (api.resources !== undefined || typeof api.id !== "string") return api;
  const methods = Array.isArray(rootMethods) ? rootMethods.map(String) : [];
  return { ...api, resources: rootOnly(api.id, methods) };
}
