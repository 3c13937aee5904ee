import { DisableMtls } from "@/app/domains/[domain]/disable-mtls-client";
import { CopyButton } from "@/components/copy-button";
import { managedBy } from "@/lib/model/iac";
import { EnableMtls } from "./lazy-flows-client";
import { lastTruststoreUri } from "@/lib/domains/changes/enable-mtls";

import type { DomainDetail } from "@/lib/domains/views/detail";
import { backendLabel } from "@/lib/domains/changes/change-blocked";
import { seenSummary } from "@/lib/domains/views/clients-seen-view";
import type { Capabilities } from "@/lib/domains/views/page-views";
import { OpenTruststoreForm } from "./open-truststore-form";
import { Section } from "./section";

/** Mutual TLS: on or off, the truststore and its version at once; turning it off, and on (again). */
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
  const props = {
    mtlsOn: !!domain.mtls,
    domainName: domain.domainName,
    region,
    activeVersionId: domain.mtls?.truststoreVersion,
    blockedReason,
  };
  const lastUri = detail.history.ok ? lastTruststoreUri(detail.history.value) : undefined;
  // Both in every state, at the same place: each keeps its notice across the refresh.
  const actions = (
    <div className="flex flex-wrap items-center gap-2">
      {/* The clients seen stream into the dialog; the button does not wait for them. */}
      <DisableMtls
        {...props}
        managed={managedBy(domain.tags)}
        {...(domain.mtls ? { seen: seenSummary(domain.domainName, region) } : {})}
      />
      <EnableMtls
        mtlsOff={domain.mtlsState === "off"}
        domainName={domain.domainName}
        region={region}
        blockedReason={blockedReason}
        {...(lastUri ? { lastTruststoreUri: lastUri } : {})}
      />
    </div>
  );
  if (domain.mtlsState === "unknown") {
    return (
      <Section title="Mutual TLS" id="mtls">
        <div className="space-y-4">
          <div
            className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
            data-testid="mtls-unknown"
          >
            <p className="font-medium">Mutual TLS: unknown.</p>
            <p className="mt-1">
              This backend ({backendLabel(capabilities.backend)}) does not report mutual TLS:
              whether API Gateway asks clients for a certificate on this domain name cannot be seen
              here. It may be on.
            </p>
          </div>
          <OpenTruststoreForm
            domainName={domain.domainName}
            region={region}
            opened={detail.truststore}
          />
          {detail.truststore?.location && children}
        </div>
      </Section>
    );
  }
  if (!domain.mtls) {
    return (
      <Section title="Mutual TLS" id="mtls" actions={domain.mtlsState === "off" ? actions : null}>
        <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          {domain.mtlsState === "unavailable" ? (
            <p data-testid="mtls-unavailable">
              Mutual TLS cannot be enabled on this {domain.endpointType} domain name: API Gateway
              supports it on REGIONAL custom domain names only. To require client certificates,
              create a REGIONAL domain name with a truststore and move the DNS record to it.
            </p>
          ) : (
            <p data-testid="mtls-off">
              Mutual TLS is off: API Gateway does not ask clients for a certificate on this domain
              name. Enabling it needs a truststore in a versioned S3 bucket, TLS_1_2 and the
              domain&apos;s certificates in order: the dialog checks each before anything changes.
            </p>
          )}
        </div>
      </Section>
    );
  }
  return (
    <Section title="Mutual TLS" id="mtls" actions={actions}>
      <div className="space-y-4">
        <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <dt className="text-slate-500">Truststore</dt>
          <dd className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-mono text-xs break-all" data-testid="truststore-uri">
              {domain.mtls.truststoreUri}
            </span>
            <CopyButton
              text={domain.mtls.truststoreUri}
              label="Copy URI"
              name="Copy the truststore's S3 URI"
            />
          </dd>
          <dt className="text-slate-500">Active version</dt>
          <dd className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-mono text-xs break-all" data-testid="active-version">
              {domain.mtls.truststoreVersion ?? "latest (the domain follows the newest object)"}
            </span>
            {domain.mtls.truststoreVersion && (
              <CopyButton
                text={domain.mtls.truststoreVersion}
                label="Copy version ID"
                name="Copy the active version ID"
              />
            )}
          </dd>
        </dl>
        {children}
      </div>
    </Section>
  );
}
