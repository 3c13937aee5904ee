/**
 * A stage's access log: one event per request, the stage's format with API
 * Gateway's `$context` variables filled in, in its CloudWatch Logs group.
 */
import type { ClientCertIdentity } from "../../lib/truststore";
import type { Context } from "../http";
import { ensureGroup, logGroupFromArn } from "../logs/log-groups";
import type { Stage } from "../state";

export interface LoggedRequest {
  requestId: string;
  at: number;
  sourceIp: string;
  method: string;
  path: string;
  resourcePath: string;
  status: number;
  responseLength: number;
  domainName: string;
  clientCert: ClientCertIdentity | null;
  errorMessage?: string;
}

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/** "29/Nov/2026:15:20:01 +0000", as $context.requestTime. */
export function clf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function variables(stage: Stage, r: LoggedRequest): Record<string, string | undefined> {
  const cert = r.clientCert;
  return {
    requestId: r.requestId,
    extendedRequestId: r.requestId,
    requestTime: clf(r.at),
    requestTimeEpoch: String(r.at),
    "identity.sourceIp": r.sourceIp,
    httpMethod: r.method,
    path: r.path,
    resourcePath: r.resourcePath,
    protocol: "HTTP/1.1",
    status: String(r.status),
    responseLength: String(r.responseLength),
    domainName: r.domainName,
    stage: stage.stageName,
    apiId: stage.restApiId,
    "error.message": r.errorMessage,
    "identity.clientCert.clientCertPem": cert?.clientCertPem,
    "identity.clientCert.subjectDN": cert?.subjectDN,
    "identity.clientCert.issuerDN": cert?.issuerDN,
    "identity.clientCert.serialNumber": cert?.serialNumber,
    "identity.clientCert.validity.notBefore": cert?.validity.notBefore,
    "identity.clientCert.validity.notAfter": cert?.validity.notAfter,
  };
}

/** The format with every `$context.x` replaced; missing values are "-", as AWS writes them. */
export function formatAccessLog(stage: Stage, r: LoggedRequest): string {
  const values = variables(stage, r);
  return (stage.accessLogSettings?.format ?? "").replace(
    /\$context\.([A-Za-z0-9_.]+)/g,
    (_, name: string) => {
      const value = values[name];
      return value === undefined ? "-" : JSON.stringify(value).slice(1, -1);
    },
  );
}

/** Writes the request to the stage's access log, when it has one. */
export function logAccess(ctx: Context, stage: Stage, r: LoggedRequest): void {
  const settings = stage.accessLogSettings;
  const target = settings && logGroupFromArn(settings.destinationArn);
  if (!target) return;
  const group = ensureGroup(ctx, target.region, target.name);
  const stream = `${stage.restApiId}-${stage.stageName}`;
  (group.streams[stream] ??= []).push({
    timestamp: r.at,
    message: formatAccessLog(stage, r),
    ingested: r.at,
  });
}
