/**
 * The values of an authorizer's identity sources for one request: REST's
 * `method.request.header.X`, `method.request.querystring.X`,
 * `stageVariables.X`, `context.X`; HTTP APIs' `$request.header.X`,
 * `$request.querystring.X`, `$stageVariables.X`, `$context.X`. A missing or
 * empty one is undefined: API Gateway answers 401 without calling the
 * authorizer.
 */
import type { RoutedRequest } from "./request-context";

function contextVariables(r: RoutedRequest): Record<string, string | undefined> {
  const cert = r.clientCert;
  return {
    requestId: r.requestId,
    apiId: r.apiId,
    stage: r.stageName,
    domainName: r.domainName,
    httpMethod: r.method,
    path: r.path,
    resourcePath: r.resource,
    routeKey: r.resource,
    "identity.sourceIp": r.sourceIp,
    "identity.userAgent": r.headers["user-agent"],
    "identity.clientCert.clientCertPem": cert?.clientCertPem,
    "identity.clientCert.subjectDN": cert?.subjectDN,
    "identity.clientCert.issuerDN": cert?.issuerDN,
    "identity.clientCert.serialNumber": cert?.serialNumber,
    "identity.clientCert.validity.notBefore": cert?.validity.notBefore,
    "identity.clientCert.validity.notAfter": cert?.validity.notAfter,
  };
}

export function identityValue(source: string, r: RoutedRequest): string | undefined {
  const s = source
    .trim()
    .replace(/^\$/, "")
    .replace(/^method\.request\./, "request.");
  const query = new URLSearchParams(r.rawQuery);
  let value: string | undefined;
  const [, kind, name] =
    /^request\.(header|multivalueheader|querystring|multivaluequerystring)\.(.+)$/.exec(s) ?? [];
  if (kind === "header" || kind === "multivalueheader") value = r.headers[name!.toLowerCase()];
  else if (kind === "querystring" || kind === "multivaluequerystring")
    value = query.getAll(name!).join(",") || undefined;
  else if (s.startsWith("context.")) value = contextVariables(r)[s.slice("context.".length)];
  // Stages carry no variables in the emulator: a stage variable is always missing.
  return value === "" ? undefined : value;
}

/** Every source's value, or null when one is missing. */
export function identityValues(sources: string[], r: RoutedRequest): string[] | null {
  const values = sources.map((s) => identityValue(s, r));
  return values.every((v) => v !== undefined) ? (values as string[]) : null;
}
