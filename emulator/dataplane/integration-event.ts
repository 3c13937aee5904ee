/**
 * What the mock integration answers with: what a Lambda proxy integration
 * receives. REST APIs put the client certificate in
 * requestContext.identity and the authorizer's principal and context in
 * requestContext.authorizer; HTTP APIs (payload format 2.0) in
 * requestContext.authentication and requestContext.authorizer.lambda.
 */
import {
  httpRequestContext,
  queryParameters,
  restRequestContext,
  type RoutedRequest,
} from "./request-context";

export interface AuthorizerOutput {
  principalId?: string;
  context: Record<string, unknown>;
}

export function integrationEvent(
  r: RoutedRequest,
  authorizer?: AuthorizerOutput,
): Record<string, unknown> {
  const query = queryParameters(r);
  if (r.http)
    return {
      version: "2.0",
      routeKey: r.resource,
      rawPath: r.path,
      rawQueryString: r.rawQuery,
      headers: r.headers,
      ...(query.any ? { queryStringParameters: query.single } : {}),
      ...(r.pathParameters ? { pathParameters: r.pathParameters } : {}),
      requestContext: {
        ...httpRequestContext(r),
        ...(authorizer
          ? {
              authorizer: {
                lambda: authorizer.context,
                ...(authorizer.principalId ? { principalId: authorizer.principalId } : {}),
              },
            }
          : {}),
      },
      isBase64Encoded: false,
    };
  return {
    resource: r.resource,
    path: r.path,
    httpMethod: r.method,
    headers: r.headers,
    multiValueHeaders: r.multiValueHeaders,
    queryStringParameters: query.any ? query.single : null,
    multiValueQueryStringParameters: query.any ? query.multi : null,
    pathParameters: r.pathParameters,
    stageVariables: null,
    requestContext: {
      ...restRequestContext(r),
      ...(authorizer
        ? { authorizer: { principalId: authorizer.principalId, ...authorizer.context } }
        : {}),
    },
    isBase64Encoded: false,
  };
}
