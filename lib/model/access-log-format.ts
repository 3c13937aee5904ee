/**
 * Access log formats and the client certificate fields "clients seen"
 * needs. Only JSON formats are read: their keys name the fields that Logs
 * Insights discovers.
 */

/** The variables a client is known by, and the JSON keys the console adds for them. */
export const CLIENT_CERT_VARIABLES = {
  subjectDN: "$context.identity.clientCert.subjectDN",
  issuerDN: "$context.identity.clientCert.issuerDN",
  serialNumber: "$context.identity.clientCert.serialNumber",
  notAfter: "$context.identity.clientCert.validity.notAfter",
} as const;
export type ClientCertField = keyof typeof CLIENT_CERT_VARIABLES;

const ADDED_KEYS: Record<ClientCertField, string> = {
  subjectDN: "clientCertSubjectDN",
  issuerDN: "clientCertIssuerDN",
  serialNumber: "clientCertSerialNumber",
  notAfter: "clientCertNotAfter",
};

/**
 * The variables that say which domain a request came through, how it ended
 * and why it was refused: a stage can be mapped to several domains, and
 * only the domain field tells their clients apart.
 */
export const CONTEXT_VARIABLES = {
  domainName: "$context.domainName",
  status: "$context.status",
  errorMessage: "$context.error.message",
} as const;
export type ContextField = keyof typeof CONTEXT_VARIABLES;

/** The format the console proposes for a stage without an access log. */
export const RECOMMENDED_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  path: "$context.path",
  ...CONTEXT_VARIABLES,
  ...Object.fromEntries(
    (Object.keys(CLIENT_CERT_VARIABLES) as ClientCertField[]).map((f) => [
      ADDED_KEYS[f],
      CLIENT_CERT_VARIABLES[f],
    ]),
  ),
});

/**
 * A JSON key that can stand in a Logs Insights query as it is: letters,
 * digits and underscores. Any other key (a dash, a space, a pipe) is not
 * read, so nothing from a stage's format can change the query.
 */
const queryable = (key: string) => /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(key);

function jsonFormat(format: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(format) as unknown;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The JSON key holding each client certificate variable; null when the format lacks one. */
export function clientCertKeys(format: string): Record<ClientCertField, string> | null {
  const parsed = jsonFormat(format);
  if (!parsed) return null;
  const out: Partial<Record<ClientCertField, string>> = {};
  for (const [key, value] of Object.entries(parsed).filter(([k]) => queryable(k)))
    for (const [field, variable] of Object.entries(CLIENT_CERT_VARIABLES))
      if (value === variable) out[field as ClientCertField] = key;
  return Object.keys(CLIENT_CERT_VARIABLES).every((f) => out[f as ClientCertField])
    ? (out as Record<ClientCertField, string>)
    : null;
}

/** The JSON key of each of the domain, status and error variables the format has. */
export function contextKeys(format: string): Partial<Record<ContextField, string>> {
  const parsed = jsonFormat(format);
  const out: Partial<Record<ContextField, string>> = {};
  for (const [key, value] of Object.entries(parsed ?? {}).filter(([k]) => queryable(k)))
    for (const [field, variable] of Object.entries(CONTEXT_VARIABLES))
      if (value === variable) out[field as ContextField] ??= key;
  return out;
}

/**
 * The format with the missing client certificate, domain, status and error
 * fields added: a JSON
 * format keeps its keys; any other format is replaced by the recommended one.
 */
export function withClientCertFields(format: string | undefined): string {
  const parsed = format ? jsonFormat(format) : null;
  if (!parsed) return RECOMMENDED_FORMAT;
  // A variable counts only under a key the console can query by.
  const present = new Set(
    Object.entries(parsed)
      .filter(([k]) => queryable(k))
      .map(([, v]) => v),
  );
  const next = { ...parsed };
  for (const field of Object.keys(CLIENT_CERT_VARIABLES) as ClientCertField[]) {
    const variable = CLIENT_CERT_VARIABLES[field];
    if (!present.has(variable)) next[ADDED_KEYS[field]] = variable;
  }
  for (const [field, variable] of Object.entries(CONTEXT_VARIABLES))
    if (!present.has(variable)) next[field in next ? `context_${field}` : field] = variable;
  if (
    !Object.values(next).some(
      (v) => v === "$context.requestId" || v === "$context.extendedRequestId",
    )
  )
    next.requestId = "$context.requestId";
  return JSON.stringify(next);
}

/** Log retentions CloudWatch Logs accepts that the access log change offers (days). */
export const RETENTION_DAYS = [30, 60, 90, 180, 365, 731, 1827, 3653] as const;

/** The log group the console creates for a stage without one. */
export const accessLogGroupFor = (apiId: string, stageName: string) =>
  `/aws/apigateway/access-logs/${apiId}/${stageName.replace("$", "")}`;

/** What a format change adds: each added key with its variable, or the whole format when it is replaced. */
export function formatDiff(
  before: string,
  after: string,
): { added: [string, string][]; replaced: boolean } {
  const a = before ? jsonFormat(before) : {};
  const b = jsonFormat(after) ?? {};
  if (!a) return { added: [], replaced: true };
  return {
    added: Object.entries(b)
      .filter(([k]) => !(k in a))
      .map(([k, v]) => [k, String(v)]),
    replaced: false,
  };
}
