/**
 * What API Gateway hands a REQUEST authorizer, in the three shapes it
 * documents: a REST API's event ("Input to an API Gateway Lambda
 * authorizer": `methodArn`, the client certificate at
 * `requestContext.identity.clientCert`), an HTTP API's payload 1.0 (the
 * same shape with `version: "1.0"`) and an HTTP API's payload 2.0
 * (`version: "2.0"`, `routeArn`, the certificate at
 * `requestContext.authentication.clientCert`). Only the fields the
 * authorizer reads are typed; everything else is passed through untouched.
 */

/** The client certificate as API Gateway describes it (`$context.identity.clientCert`). */
export interface EventClientCert {
  clientCertPem?: string;
  subjectDN?: string;
  issuerDN?: string;
  serialNumber?: string;
  validity?: { notBefore?: string; notAfter?: string };
}

export interface RestAuthorizerEvent {
  type?: string;
  version?: "1.0";
  methodArn: string;
  requestContext?: {
    domainName?: string;
    identity?: { clientCert?: EventClientCert | null; sourceIp?: string } | null;
  };
}

export interface HttpV2AuthorizerEvent {
  type?: string;
  version: "2.0";
  routeArn: string;
  requestContext?: {
    domainName?: string;
    authentication?: { clientCert?: EventClientCert | null } | null;
    http?: { sourceIp?: string };
  };
}

export type AuthorizerEvent = RestAuthorizerEvent | HttpV2AuthorizerEvent;

/** Which of the documented shapes an event has; it decides the answer's shape. */
export type EventKind = "rest" | "http-1.0" | "http-2.0";

export interface ReadEvent {
  kind: EventKind;
  /** The ARN the policy names: the stage of `methodArn` (REST, HTTP 1.0) or of `routeArn` (HTTP 2.0). */
  resource: string;
  /** The custom domain the client called, as API Gateway gives it. */
  domainName?: string;
  cert?: EventClientCert & { clientCertPem: string };
  sourceIp?: string;
}

/**
 * The policy's resource: every method and route of the stage
 * (every method and path under `arn:…:API/STAGE`). Revocation depends on the client, not on the
 * method, so a cached answer is right for every method it is reused for.
 */
export const stageWide = (arn: string) => {
  const [head, stage] = arn.split("/");
  return head && stage ? `${head}/${stage}/*/*` : arn;
};

const isV2 = (event: AuthorizerEvent): event is HttpV2AuthorizerEvent =>
  (event as { version?: string }).version === "2.0";

/** The fields the decision needs, from any of the three shapes. */
export function readEvent(event: AuthorizerEvent): ReadEvent {
  if (isV2(event)) {
    const context = event.requestContext;
    const cert = context?.authentication?.clientCert ?? undefined;
    return {
      kind: "http-2.0",
      resource: stageWide(event.routeArn),
      ...(context?.domainName ? { domainName: context.domainName } : {}),
      ...(cert?.clientCertPem ? { cert: { ...cert, clientCertPem: cert.clientCertPem } } : {}),
      ...(context?.http?.sourceIp ? { sourceIp: context.http.sourceIp } : {}),
    };
  }
  const context = event.requestContext;
  const cert = context?.identity?.clientCert ?? undefined;
  return {
    kind: event.version === "1.0" ? "http-1.0" : "rest",
    resource: stageWide(event.methodArn),
    ...(context?.domainName ? { domainName: context.domainName } : {}),
    ...(cert?.clientCertPem ? { cert: { ...cert, clientCertPem: cert.clientCertPem } } : {}),
    ...(context?.identity?.sourceIp ? { sourceIp: context.identity.sourceIp } : {}),
  };
}
