/**
 * The authorizer's answer in the shapes API Gateway documents: an IAM
 * policy for REST APIs and HTTP API payload 1.0 ("Output from an API
 * Gateway Lambda authorizer"), and for payload 2.0 both the simple
 * response (`isAuthorized`) and the IAM policy, so the same function works
 * whether or not the HTTP API authorizer has simple responses enabled.
 * The context holds strings only (API Gateway accepts strings, numbers and
 * booleans; it passes an Allow's context to the integration as
 * `$context.authorizer.*`, and a Deny's only to gateway responses).
 */
import type { Decision } from "./decision";
import type { EventClientCert, ReadEvent } from "./events";

export type AuthorizerContext = Record<string, string>;

export interface PolicyResponse {
  principalId: string;
  policyDocument: {
    Version: "2012-10-17";
    Statement: [{ Action: "execute-api:Invoke"; Effect: "Allow" | "Deny"; Resource: string }];
  };
  context: AuthorizerContext;
}

export type AuthorizerResponse = PolicyResponse | (PolicyResponse & { isAuthorized: boolean });

/** The longest value kept in the context (distinguished names can be long). */
const MAX_VALUE = 1024;
const clip = (value: string) => (value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value);

/** Who the client is, as API Gateway read its certificate. */
export function principalOf(cert: EventClientCert | undefined): string {
  return clip(cert?.subjectDN || cert?.serialNumber || "anonymous");
}

export function contextOf(
  cert: EventClientCert | undefined,
  decision: Decision,
): AuthorizerContext {
  const context: AuthorizerContext = {
    revocationChecked: String(decision.revocationChecked),
  };
  if (cert?.subjectDN) context.subjectDN = clip(cert.subjectDN);
  if (cert?.issuerDN) context.issuerDN = clip(cert.issuerDN);
  if (cert?.serialNumber) context.serialNumber = clip(cert.serialNumber);
  if (!decision.allow || !decision.revocationChecked) context.reason = decision.reason;
  return context;
}

export function responseFor(event: ReadEvent, decision: Decision): AuthorizerResponse {
  const policy: PolicyResponse = {
    principalId: principalOf(event.cert),
    policyDocument: {
      Version: "2012-10-17",
      Statement: [
        {
          Action: "execute-api:Invoke",
          Effect: decision.allow ? "Allow" : "Deny",
          Resource: event.resource,
        },
      ],
    },
    context: contextOf(event.cert, decision),
  };
  return event.kind === "http-2.0" ? { isAuthorized: decision.allow, ...policy } : policy;
}
