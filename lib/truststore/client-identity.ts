/**
 * A client certificate as API Gateway hands it to the backend and writes it
 * to access logs: `requestContext.identity.clientCert` and the
 * `$context.identity.clientCert.*` variables. Also how a client seen in the
 * logs is judged against a truststore version without its certificate.
 */
import type { ComparableReport } from "./comparable";
import type { DecodedCertificate } from "./types";

export interface ClientCertIdentity {
  clientCertPem: string;
  subjectDN: string;
  issuerDN: string;
  /** Colon-separated hex pairs, as API Gateway writes it. */
  serialNumber: string;
  /** OpenSSL's date form, as API Gateway writes it: "May 28 12:30:02 2019 GMT". */
  validity: { notBefore: string; notAfter: string };
}

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

export function opensslDate(iso: string): string {
  const d = new Date(iso);
  const time = d.toISOString().slice(11, 19);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${time} ${d.getUTCFullYear()} GMT`;
}

export function clientCertIdentity(cert: DecodedCertificate): ClientCertIdentity {
  return {
    clientCertPem: cert.pem,
    subjectDN: cert.subject,
    issuerDN: cert.issuer,
    serialNumber: cert.serialNumber.toLowerCase().replace(/(..)(?=.)/g, "$1:"),
    validity: { notBefore: opensslDate(cert.notBefore), notAfter: opensslDate(cert.notAfter) },
  };
}

/** Distinguished names compared as API Gateway and OpenSSL may space them. */
export const sameDn = (a: string, b: string) =>
  a.replace(/\s*,\s*/g, ",").toLowerCase() === b.replace(/\s*,\s*/g, ",").toLowerCase();

/** A client certificate as access logs describe it. */
export interface SeenClient {
  subjectDN: string;
  issuerDN: string;
  serialNumber: string;
  /** As logged (OpenSSL's form) or ISO. */
  notAfter: string;
  requests: number;
  lastSeen: string;
  /** Requests by HTTP status, where the log has the status. */
  statuses?: Record<string, number>;
  /** API Gateway's error messages for its refused requests, where the log has them. */
  refusals?: string[];
  /** Logged on a stage whose format lacks the domain field: it may have called another domain of the stage. */
  domainUnknown?: boolean;
  /** On the domain's revocation lists: refused by the revocation authorizer whatever the truststore says. */
  revoked?: boolean;
}

/**
 * Whether a version would accept a client known only by its logged names,
 * by the lockout guard's measure: its issuer is a CA of the version whose
 * path up to a root is complete there, and the client is valid at `at`.
 */
export function acceptsSeenClient(report: ComparableReport, client: SeenClient, at: Date): boolean {
  const notAfter = Date.parse(client.notAfter);
  if (!Number.isNaN(notAfter) && notAfter < at.getTime()) return false;
  return report.certificates.some(
    (c) => c.isCA && c.pathComplete && sameDn(c.subject, client.issuerDN),
  );
}

export interface SeenClientsImpact {
  /** Clients seen that the active version accepts and the new one refuses (revoked ones apart). */
  refused: SeenClient[];
  /** Revoked clients the new version refuses too: counted apart, as they are refused already. */
  refusedRevoked: number;
  /** Their requests in the window. */
  requests: number;
  /** Clients seen in all. */
  seen: number;
}

/** What a change from `active` to `candidate` does to the clients seen. */
export function seenClientsImpact(
  active: ComparableReport,
  candidate: ComparableReport | null,
  clients: SeenClient[],
  at: Date,
): SeenClientsImpact {
  const all = candidate
    ? clients.filter(
        (c) => acceptsSeenClient(active, c, at) && !acceptsSeenClient(candidate, c, at),
      )
    : [];
  const refused = all.filter((c) => !c.revoked);
  return {
    refused,
    refusedRevoked: all.length - refused.length,
    requests: refused.reduce((n, c) => n + c.requests, 0),
    seen: clients.length,
  };
}
