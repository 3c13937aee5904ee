import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditHistory } from "@/components/audit-history";
import { AutoRefresh } from "@/components/auto-refresh-client";
import { certificateAnchor } from "@/components/certificate-anchor";
import { CertificateList } from "@/components/certificate-list-client";
import { ChainDiagram } from "@/components/chain-diagram";
import { DisableMtls } from "@/components/disable-mtls-client";
import { ErrorPanel } from "@/components/error-panel";
import { Expiry } from "@/components/expiry";
import { FindingsList } from "@/components/findings-list";
import { Mappings } from "@/components/mappings-client";
import { StatusBadge } from "@/components/status-badge";
import { UploadTruststore } from "@/components/upload-client";
import { ValidityTimeline } from "@/components/validity-timeline";
import { VersionHistory } from "@/components/version-history-client";
import { AwsFailure } from "@/lib/aws/errors";
import { getCapabilities } from "@/lib/aws/capabilities";
import { requirePageSession } from "@/lib/auth/page-guard";
import { describeBackend } from "@/lib/domains/backend";
import { getDomainDetail, type DomainDetail } from "@/lib/domains/detail";
import { isRegion } from "@/lib/domains/overview";
import { daysUntil, STATUS_HELP, SUBJECT_CONFLICT } from "@/lib/domains/status-help";
import type { ServerCertificate } from "@/lib/domains/types";

type Props = { params: Promise<{ domain: string }>; searchParams: Promise<{ region?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).domain) };
}

function Section({
  title,
  id,
  children,
  actions,
}: {
  title: string;
  id: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

function CertificateCard({
  title,
  cert,
  ownership,
  now,
}: {
  title: string;
  cert: ServerCertificate | null;
  ownership?: boolean;
  now: number;
}) {
  if (!cert) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h3 className="font-medium">{title}</h3>
        <p className="mt-1 text-slate-600">Not found in ACM (deleted, or in another account).</p>
      </div>
    );
  }
  const days = cert.notAfter ? daysUntil(cert.notAfter, now) : undefined;
  return (
    <div
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid={ownership ? "ownership-certificate" : "server-certificate"}
    >
      <h3 className="font-medium">{title}</h3>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500">Type · status</dt>
        <dd>
          {cert.type} · {cert.status}
        </dd>
        <dt className="text-slate-500">Names</dt>
        <dd className="break-words">
          {cert.subjectAlternativeNames.join(", ") || cert.domainName}
        </dd>
        <dt className="text-slate-500">Key</dt>
        <dd>{cert.keyAlgorithm ?? "unknown"}</dd>
        <dt className="text-slate-500">Expires</dt>
        <dd>{cert.notAfter ? <Expiry notAfter={cert.notAfter} now={now} /> : "unknown"}</dd>
        <dt className="text-slate-500">ARN</dt>
        <dd className="font-mono break-all">{cert.arn}</dd>
      </dl>
      {ownership && days !== undefined && days < 45 && (
        <p role="alert" className="rounded bg-rose-50 px-2 py-1 text-xs text-rose-900">
          {days < 0
            ? "This ownership verification certificate has expired."
            : `This ownership verification certificate expires in ${Math.max(0, Math.floor(days))} days.`}{" "}
          If it expires and ACM cannot renew it, all updates to this domain will be locked
          (PENDING_OWNERSHIP_VERIFICATION). Renew it, or request a new one and set it on the domain,
          before then.
        </p>
      )}
    </div>
  );
}

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

export default async function DomainPage({ params, searchParams }: Props) {
  const domainName = decodeURIComponent((await params).domain);
  const { region: asked } = await searchParams;
  const session = await requirePageSession(
    `/domains/${encodeURIComponent(domainName)}${isRegion(asked) ? `?region=${asked}` : ""}`,
  );
  const backend = await describeBackend();
  const region = isRegion(asked) ? asked : backend.defaultRegion;
  let detail: DomainDetail | null;
  try {
    detail = await getDomainDetail(domainName, region);
  } catch (error) {
    if (error instanceof AwsFailure)
      return <ErrorPanel title={`Could not load ${domainName}`} message={error.message} />;
    throw error;
  }
  if (!detail) notFound();
  const capabilities = await getCapabilities();
  const now = detail.evaluatedAt;
  const { domain, truststore } = detail;
  const help = STATUS_HELP[domain.status];
  const anchor = certificateAnchor("active");
  const active = truststore?.active;
  const blockedReason =
    session.role !== "operator"
      ? "Your role (viewer) can see everything here but change nothing: ask an operator."
      : !capabilities.updateDomainName
        ? "This AWS endpoint (LocalStack) does not implement UpdateDomainName: uploading, switching versions and disabling mTLS need real AWS or the mTLS Console emulator."
        : domain.status === "UPDATING"
          ? "The domain is UPDATING: wait until it is AVAILABLE to change it again."
          : domain.status === "PENDING_OWNERSHIP_VERIFICATION"
            ? "Updates are locked until a valid ownership verification certificate is set."
            : undefined;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/?region=${region}`} className="text-sky-800 hover:underline">
            ← Custom domain names
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold break-all">{domain.domainName}</h1>
          <StatusBadge status={domain.status} />
          <AutoRefresh active={help.transient} />
        </div>
        <p className="text-sm text-slate-600">
          {region} · {domain.endpointType} · {domain.securityPolicy}
          {domain.regionalDomainName ? ` · DNS target ${domain.regionalDomainName}` : ""}
        </p>
      </header>

      <Section title="Status" id="status">
        <div
          className={`space-y-2 rounded-lg border p-4 text-sm ${help.tone === "ok" ? "border-emerald-200 bg-emerald-50" : help.tone === "busy" ? "border-sky-200 bg-sky-50" : help.tone === "warn" ? "border-amber-300 bg-amber-50" : "border-rose-300 bg-rose-50"}`}
          data-testid="status-help"
        >
          <p>
            <strong>{help.label}.</strong> {help.meaning}
          </p>
          {domain.statusMessage && (
            <p>
              AWS says: <q>{domain.statusMessage}</q>
            </p>
          )}
          {help.action && <p>What to do: {help.action}</p>}
          {domain.statusMessage && SUBJECT_CONFLICT.pattern.test(domain.statusMessage) && (
            <p data-testid="subject-conflict">{SUBJECT_CONFLICT.explanation}</p>
          )}
        </div>
      </Section>

      <Section title="Server certificate" id="server-certificate">
        <div className="grid gap-4 md:grid-cols-2">
          <CertificateCard
            title="Server certificate (ACM)"
            cert={detail.serverCertificate}
            now={now}
          />
          {domain.ownershipVerificationCertificateArn ? (
            <CertificateCard
              title="Ownership verification certificate"
              cert={detail.ownershipCertificate}
              ownership
              now={now}
            />
          ) : (
            detail.serverCertificate &&
            detail.serverCertificate.type !== "AMAZON_ISSUED" &&
            domain.mtls && (
              <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
                This {detail.serverCertificate.type.toLowerCase()} server certificate needs an
                ACM-issued ownership verification certificate for mutual TLS.
              </p>
            )
          )}
        </div>
      </Section>

      <Section
        title="Mutual TLS"
        id="mtls"
        actions={
          <DisableMtls
            mtlsOn={!!domain.mtls}
            domainName={domain.domainName}
            region={region}
            activeVersionId={domain.mtls?.truststoreVersion}
            blockedReason={blockedReason}
          />
        }
      >
        {!domain.mtls ? (
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
        ) : (
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
              {domain.mtls.truststoreWarnings.length === 0 ? (
                <p className="text-sm text-emerald-800">
                  API Gateway returned no warnings at the last update. (It never re-checks later:
                  see the findings below for what has expired since.)
                </p>
              ) : (
                <ul className="space-y-1" data-testid="aws-warnings">
                  {domain.mtls.truststoreWarnings.map((w, i) => {
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
        )}
      </Section>

      {domain.mtls && truststore && !truststore.problem && (
        <>
          <Section title="Upload a new version" id="upload">
            <UploadTruststore
              domainName={domain.domainName}
              region={region}
              activeReport={active?.report}
              activeVersionId={domain.mtls.truststoreVersion}
              blockedReason={blockedReason}
            />
          </Section>

          {active && (
            <Section
              title={`Certificates of the active version (${active.report.certificates.length})`}
              id="certificates"
            >
              <CertificateList
                certificates={active.report.certificates}
                findings={active.report.findings}
                anchorPrefix="active"
                now={now}
              />
              <div className="grid gap-6 lg:grid-cols-2">
                <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="text-sm font-medium">Chains</h3>
                  <ChainDiagram certificates={active.report.certificates} anchor={anchor} />
                </div>
                <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="text-sm font-medium">Validity</h3>
                  <ValidityTimeline certificates={active.report.certificates} now={now} />
                </div>
              </div>
            </Section>
          )}

          <Section title="Version history" id="versions">
            <VersionHistory
              domainName={domain.domainName}
              region={region}
              versions={truststore.versions}
              activeVersionId={domain.mtls.truststoreVersion}
              blockedReason={blockedReason}
            />
            {truststore.truncated && (
              <p className="text-xs text-slate-500">
                Only the newest 50 versions are decoded and compared.
              </p>
            )}
          </Section>
        </>
      )}

      <Section title="Base path mappings" id="mappings">
        <Mappings
          domainName={domain.domainName}
          mappings={detail.mappings}
          region={region}
          mtlsOn={!!domain.mtls}
          canChange={session.role === "operator"}
        />
      </Section>

      <Section title="Audit trail" id="audit">
        <AuditHistory events={detail.history} problem={detail.historyProblem} />
      </Section>
    </article>
  );
}
