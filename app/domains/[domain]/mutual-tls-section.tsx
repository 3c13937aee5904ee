import { certificateAnchor } from "@/components/certificate-anchor";
import { DisableMtls } from "@/components/disable-mtls-client";
import { ErrorPanel } from "@/components/error-panel";
import { FindingsList } from "@/components/findings-list";
import type { DomainDetail } from "@/lib/domains/detail";
import type { Capabilities } from "@/lib/domains/page-views";
import { Section } from "./section";

/** Links AWS's truststoreWarnings to the certificate whose subject they name. */
function warningTarget(warning: string, detail: DomainDetail): number | undefined {
  const certs = detail.truststore?.active?.report.certificates ?? [];
  const bySubject = certs.find((c) => c.subject && warning.includes(c.subject));
  if (bySubject) return bySubject.index;
  return certs.find((c) => {
    const cn = /CN=([^,]+)/.exec(c.subject)?.[1];
    return cn && warning.includes(cn);
  })?.index;
}

/** The truststore, AWS's warnings and the engine's findings now; turning mTLS off. */
export function MutualTlsSection({
  detail,
  region,
  capabilities,
  blockedReason,
}: {
  detail: DomainDetail;
  region: string;
  capabilities: Capabilities;
  blockedReason?: string;
}) {
  const { domain, truststore } = detail;
  const active = truststore?.active;
  const anchor = certificateAnchor("active");
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
  const warnings = domain.mtls.truststoreWarnings;
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
            {domain.mtls.truststoreVersion ??
              `latest (${truststore?.activeVersionId ?? "unknown"})`}
          </dd>
        </dl>
        <div className="space-y-2">
          <h3 className="font-medium">Warnings from API Gateway</h3>
          {warnings.length === 0 ? (
            <p className="text-sm text-emerald-800">
              API Gateway returned no warnings at the last update. (It never re-checks later: see
              the findings below for what has expired since.)
            </p>
          ) : (
            <ul className="space-y-1" data-testid="aws-warnings">
              {warnings.map((w, i) => {
                const target = warningTarget(w, detail);
                return (
                  <li
                    key={i}
                    className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
                  >
                    {w}
                    {target !== undefined && (
                      <a className="ml-2 underline" href={`#${anchor(target)}`}>
                        certificate #{target + 1}
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        {truststore?.problem && (
          <ErrorPanel title="The truststore could not be read" message={truststore.problem} />
        )}
        {active && (
          <div className="space-y-2">
            <h3 className="font-medium">
              Findings now (evaluated {active.report.evaluatedAt.slice(0, 16).replace("T", " ")}{" "}
              UTC)
            </h3>
            <FindingsList
              findings={active.report.findings}
              certificateAnchor={anchor}
              empty="No findings: every certificate is valid and chains to a root."
            />
          </div>
        )}
      </div>
    </Section>
  );
}
