import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh-client";
import { ErrorPanel } from "@/components/error-panel";
import { StatusBadge } from "@/components/status-badge";
import { UploadTruststore } from "@/components/upload-client";
import { requirePageSession } from "@/lib/auth/page-guard";
import { domainPageView, isRegion, pageRegion } from "@/lib/domains/page-views";
import { STATUS_HELP } from "@/lib/domains/status-help";
import { ActiveCertificatesSection } from "./active-certificates-section";
import { AuditSection } from "./audit-section";
import { MappingsSection } from "./mappings-section";
import { MutualTlsSection } from "./mutual-tls-section";
import { Section } from "./section";
import { ServerCertificateSection } from "./server-certificate-section";
import { StatusSection } from "./status-section";
import { VersionsSection } from "./versions-section";

type Props = { params: Promise<{ domain: string }>; searchParams: Promise<{ region?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).domain) };
}

export default async function DomainPage({ params, searchParams }: Props) {
  const domainName = decodeURIComponent((await params).domain);
  const { region: asked } = await searchParams;
  const session = await requirePageSession(
    `/domains/${encodeURIComponent(domainName)}${isRegion(asked) ? `?region=${asked}` : ""}`,
  );
  const region = await pageRegion(asked);
  const view = await domainPageView(domainName, region, session.role);
  if (!view.ok) return <ErrorPanel title={`Could not load ${domainName}`} message={view.message} />;
  if (!view.value) notFound();
  const { detail, capabilities, blocked } = view.value;
  const { domain, truststore } = detail;
  const blockedReason = blocked?.message;

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
          <AutoRefresh active={STATUS_HELP[domain.status].transient} />
        </div>
        <p className="text-sm text-slate-600">
          {region} · {domain.endpointType} · {domain.securityPolicy}
          {domain.regionalDomainName ? ` · DNS target ${domain.regionalDomainName}` : ""}
        </p>
      </header>
      <StatusSection domain={domain} />
      <ServerCertificateSection detail={detail} />
      <MutualTlsSection
        detail={detail}
        region={region}
        capabilities={capabilities}
        blockedReason={blockedReason}
      />
      {domain.mtls && truststore && !truststore.problem && (
        <>
          <Section title="Upload a new version" id="upload">
            <UploadTruststore
              domainName={domain.domainName}
              region={region}
              activeReport={truststore.active?.report}
              activeVersionId={domain.mtls.truststoreVersion}
              blockedReason={blockedReason}
            />
          </Section>
          {truststore.active && (
            <ActiveCertificatesSection active={truststore.active} now={detail.evaluatedAt} />
          )}
          <VersionsSection
            domainName={domain.domainName}
            region={region}
            truststore={truststore}
            activeVersionId={domain.mtls.truststoreVersion}
            blockedReason={blockedReason}
          />
        </>
      )}
      <MappingsSection detail={detail} region={region} canChange={session.role === "operator"} />
      <AuditSection detail={detail} />
    </article>
  );
}
