/**
 * For tests: the example events of AWS's API Gateway Developer Guide, with
 * their structure kept field for field and a real client certificate put
 * in: "Input to an API Gateway Lambda authorizer" (a REST API's REQUEST
 * authorizer) and "Working with AWS Lambda authorizers for HTTP APIs"
 * (payload format 2.0 and 1.0). Only the certificate, the domain and the
 * ARNs are filled in; the rest is the documented example as printed.
 */
import type { HttpV2AuthorizerEvent, RestAuthorizerEvent } from "./events";

/** A client certificate as API Gateway passes it (`$context.identity.clientCert`). */
export interface PresentedCert {
  pem: string;
  subjectDN: string;
  issuerDN: string;
  /** Hex; API Gateway prints it with colons. */
  serialNumber: string;
}

const colons = (hex: string) => hex.match(/.{1,2}/g)?.join(":") ?? hex;

function clientCert(cert: PresentedCert) {
  return {
    clientCertPem: cert.pem,
    subjectDN: cert.subjectDN,
    issuerDN: cert.issuerDN,
    serialNumber: colons(cert.serialNumber.replace(/[^0-9a-f]/gi, "").toLowerCase()),
    validity: { notBefore: "May 28 12:30:02 2019 GMT", notAfter: "Aug  5 09:36:04 2031 GMT" },
  };
}

export const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request";
export const ROUTE_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request";

/** A REST API REQUEST authorizer's input (the documented example, with a proxy integration). */
export function restEvent(domainName: string, cert?: PresentedCert): RestAuthorizerEvent {
  return {
    type: "REQUEST",
    methodArn: METHOD_ARN,
    resource: "/request",
    path: "/request",
    httpMethod: "GET",
    headers: {
      "X-AMZ-Date": "20170718T062915Z",
      Accept: "*/*",
      HeaderAuth1: "headerValue1",
      "CloudFront-Viewer-Country": "US",
      "CloudFront-Forwarded-Proto": "https",
      "CloudFront-Is-Tablet-Viewer": "false",
      "CloudFront-Is-Mobile-Viewer": "false",
      "User-Agent": "...",
    },
    queryStringParameters: { QueryString1: "queryValue1" },
    pathParameters: {},
    stageVariables: { StageVar1: "stageValue1" },
    requestContext: {
      path: "/request",
      accountId: "123456789012",
      resourceId: "05c7jb",
      stage: "test",
      requestId: "...",
      domainName,
      identity: {
        apiKey: "...",
        sourceIp: "198.51.100.7",
        ...(cert ? { clientCert: clientCert(cert) } : {}),
      },
      resourcePath: "/request",
      httpMethod: "GET",
      apiId: "abcdef123",
    },
  } as RestAuthorizerEvent;
}

/** An HTTP API Lambda authorizer's input, payload format 2.0 (the documented example). */
export function httpV2Event(domainName: string, cert?: PresentedCert): HttpV2AuthorizerEvent {
  return {
    version: "2.0",
    type: "REQUEST",
    routeArn: ROUTE_ARN,
    identitySource: ["user1", "123"],
    routeKey: "$default",
    rawPath: "/my/path",
    rawQueryString: "parameter1=value1&parameter1=value2&parameter2=value",
    cookies: ["cookie1", "cookie2"],
    headers: { header1: "value1", header2: "value2" },
    queryStringParameters: { parameter1: "value1,value2", parameter2: "value" },
    requestContext: {
      accountId: "123456789012",
      apiId: "api-id",
      ...(cert ? { authentication: { clientCert: clientCert(cert) } } : {}),
      domainName,
      domainPrefix: domainName.split(".")[0],
      http: {
        method: "POST",
        path: "/my/path",
        protocol: "HTTP/1.1",
        sourceIp: "198.51.100.7",
        userAgent: "agent",
      },
      requestId: "id",
      routeKey: "$default",
      stage: "$default",
      time: "12/Mar/2020:19:03:58 +0000",
      timeEpoch: 1583348638390,
    },
    pathParameters: { parameter1: "value1" },
    stageVariables: { stageVariable1: "value1", stageVariable2: "value2" },
  } as HttpV2AuthorizerEvent;
}

/** An HTTP API Lambda authorizer's input, payload format 1.0: the REST shape with a version. */
export function httpV1Event(domainName: string, cert?: PresentedCert): RestAuthorizerEvent {
  const rest = restEvent(domainName, cert) as RestAuthorizerEvent & Record<string, unknown>;
  return {
    version: "1.0",
    identitySource: "user1,123",
    authorizationToken: "user1,123",
    ...rest,
  } as RestAuthorizerEvent;
}
