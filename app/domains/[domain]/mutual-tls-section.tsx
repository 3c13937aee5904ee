import { DisableMtls } from "@/components/disable-mtls-client";

import type { DomainDetail } from "@/lib/domains/detail";
import type { Capabilities } from "@/lib/domains/page-views";
import { Section } from "./section";

/** Mutual TLS: on or off, the truststore and its version at once; turning it off. */
export function MutualTlsSection({
  detail,
  region,
  capabilities,
  blockedReason,
  children,
}: {
  detail: DomainDetail;
  region: string;
  capabilities: Capabilities;
  blockedReason?: string;
  /** What streams in once the active version is read: AWS's warnings and the findings now. */
  children?: React.ReactNode;
}) {
  const { domain } = detail;
  const disable = (
    <DisableMtls
      mtlsOn={!!domain.mtls}
      domainName={domain.domainName}
      region={region}
      activeVersionId={domain.mtls?.truststoreVersion}
      blockedReason={blockedReason}
    />
  );
  if (!domain.mtls) {
    return (
      <Section title="Mutual TLS" id="mtls" actions={disable}>
        <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <p>
            Mutual TLS is off: API Gateway does not ask clients for a certificate on this domain
            name.
          </p>
          {!capabilities.mtlsFields && (
            <p className="mt-1 text-amber-900">
              This AWS endpoint (LocalStack) does not return mutualTlsAuthentication at all, so
              whether mTLS is configured cannot be seen here.
            </p>
          )}
        </div>
      </Section>
    );
  }
  return (
    <Section title="Mutual TLS" id="mtls" actions={disable}>
      <div className="space-y-4">
        <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <dt className="text-slate-500">Truststore</dt>
          <dd className="font-mono text-xs break-all" data-testid="truststore-uri">
            {domain.mtls.truststoreUri}
          </dd>
          <dt className="text-slate-500">Active version</dt>
          <dd className="font-mono text-xs break-all" data-testid="active-version">
            {domain.mtls.truststoreVersion ?? "latest (the domain follows the newest object)"}
          </dd>
        </dl>
        {children}
      </div>
    </Section>
  );
}
