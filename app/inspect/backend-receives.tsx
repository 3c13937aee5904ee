import { clientCertIdentity } from "@/lib/truststore/client-identity";
import type { DecodedCertificate } from "@/lib/truststore/types";

/** What a Lambda proxy integration (or a Lambda authorizer) receives for this client certificate. */
export function BackendReceives({ client }: { client: DecodedCertificate }) {
  const event = { requestContext: { identity: { clientCert: clientCertIdentity(client) } } };
  return (
    <details
      className="rounded border border-slate-200 bg-white p-3 text-sm"
      data-testid="backend-receives"
    >
      <summary className="cursor-pointer font-medium">What your backend receives</summary>
      <p className="mt-1 text-xs text-slate-600">
        API Gateway passes the client certificate to the integration as{" "}
        <code className="font-mono">requestContext.identity.clientCert</code> (and to access logs as{" "}
        <code className="font-mono">$context.identity.clientCert.*</code>):
      </p>
      <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
        {JSON.stringify(event, null, 2)}
      </pre>
    </details>
  );
}
