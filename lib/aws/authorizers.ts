import "server-only";
/**
 * The methods of a REST API and the routes of an HTTP API, each with the
 * authorizer it runs, for revocation coverage: which of them a Lambda
 * authorizer protects. Reads only (GetResources with its methods,
 * GetAuthorizers; GetRoutes, GetAuthorizers in v2).
 */
import {
  GetAuthorizersCommand,
  paginateGetResources,
  type Authorizer,
} from "@aws-sdk/client-api-gateway";
import * as v2 from "@aws-sdk/client-apigatewayv2";
import { allPages } from "./apigatewayv2";
import { getClients } from "./config";
import { awsCall } from "./errors";

export interface AuthorizerView {
  id: string;
  name: string;
  /** REQUEST, TOKEN, JWT, COGNITO_USER_POOLS */
  type: string;
  /** The Lambda function's ARN, from the authorizer's URI. */
  functionArn?: string;
  /** How long API Gateway keeps its answer (REST: 300 when unset; HTTP: 0). */
  ttlSeconds: number;
  identitySource: string[];
}

/** One method of a REST API or one route of an HTTP API. */
export interface OperationView {
  method: string;
  /** The resource path ("/orders/{id}"), or "$default". */
  path: string;
  authorizationType: string;
  authorizerId?: string;
}

export interface ApiOperations {
  authorizers: AuthorizerView[];
  operations: OperationView[];
}

/** arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations → FUNCTION_ARN */
export function functionArnOf(uri: string | undefined): string | undefined {
  return /\/functions\/(arn:[^/]+)\/invocations$/.exec(uri ?? "")?.[1];
}

const authorizerView = (a: {
  id?: string;
  name?: string;
  type?: string;
  uri?: string;
  ttl?: number;
  identitySource: string[];
  defaultTtl: number;
}): AuthorizerView => {
  const functionArn = functionArnOf(a.uri);
  return {
    id: a.id ?? "",
    name: a.name ?? a.id ?? "",
    type: a.type ?? "",
    ...(functionArn ? { functionArn } : {}),
    ttlSeconds: a.ttl ?? a.defaultTtl,
    identitySource: a.identitySource,
  };
};

export async function restApiOperations(restApiId: string, region: string): Promise<ApiOperations> {
  const { apiGateway } = await getClients(region);
  return awsCall("read the REST API's methods and authorizers", async () => {
    const operations: OperationView[] = [];
    for await (const page of paginateGetResources(
      { client: apiGateway, pageSize: 500 },
      { restApiId, embed: ["methods"] },
    ))
      for (const resource of page.items ?? [])
        for (const [method, m] of Object.entries(resource.resourceMethods ?? {}))
          operations.push({
            method,
            path: resource.path ?? "/",
            authorizationType: m.authorizationType ?? "NONE",
            ...(m.authorizerId ? { authorizerId: m.authorizerId } : {}),
          });
    const authorizers: Authorizer[] = [];
    let position: string | undefined;
    do {
      const page = await apiGateway.send(
        new GetAuthorizersCommand({ restApiId, position, limit: 500 }),
      );
      authorizers.push(...(page.items ?? []));
      position = page.position;
    } while (position);
    return {
      operations,
      authorizers: authorizers.map((a) =>
        authorizerView({
          id: a.id,
          name: a.name,
          type: a.type,
          uri: a.authorizerUri,
          ttl: a.authorizerResultTtlInSeconds,
          identitySource: (a.identitySource ?? "")
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          defaultTtl: 300,
        }),
      ),
    };
  });
}

export async function httpApiOperations(apiId: string, region: string): Promise<ApiOperations> {
  const { apiGatewayV2 } = await getClients(region);
  return awsCall("read the HTTP API's routes and authorizers", async () => {
    const [routes, authorizers] = await Promise.all([
      allPages((NextToken) =>
        apiGatewayV2.send(new v2.GetRoutesCommand({ ApiId: apiId, NextToken, MaxResults: "500" })),
      ),
      allPages((NextToken) =>
        apiGatewayV2.send(
          new v2.GetAuthorizersCommand({ ApiId: apiId, NextToken, MaxResults: "500" }),
        ),
      ),
    ]);
    return {
      operations: routes.map((r) => {
        const [method, ...path] = (r.RouteKey ?? "$default").split(" ");
        return {
          method: path.length ? method! : "ANY",
          path: path.length ? path.join(" ") : method!,
          authorizationType: r.AuthorizationType ?? "NONE",
          ...(r.AuthorizerId ? { authorizerId: r.AuthorizerId } : {}),
        };
      }),
      authorizers: authorizers.map((a) =>
        authorizerView({
          id: a.AuthorizerId,
          name: a.Name,
          type: a.AuthorizerType,
          uri: a.AuthorizerUri,
          ttl: a.AuthorizerResultTtlInSeconds,
          identitySource: a.IdentitySource ?? [],
          defaultTtl: 0,
        }),
      ),
    };
  });
}
