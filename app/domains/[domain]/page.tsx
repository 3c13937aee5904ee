import { overviewHref, placeLabel, regionOf } from "@/lib/model/place";
import { accountLabels } from "@/lib/domains/views/fleet-view";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { AutoRefresh } from "./lazy-flows-client";
import { ErrorPanel } from "@/components/error-panel";
import { StatusBadge } from "@/components/status-badge";
import { requirePageSession } from "@/lib/auth/page-guard";
import { domainPageView, domainPlace, isRegion } from "@/lib/domains/views/page-views";
import { STATUS_HELP } from "@/lib/model/status-help";
import { isWindow, type WindowDays } from "@/lib/domains/views/clients-seen-view";
import { ActiveFindings, ActiveTruststoreSections } from "./active-truststore";
import { AuditSection } from "./audit-section";
import { ChangesSection } from "./changes-section";
import { ClientsSeenSection } from "./clients-seen-section";
import { IacSection } from "./iac-section";
import { MappingsSection } from "./mappings-section";
import { SectionNav } from "./section-nav";
import { CopyButton } from "@/components/copy-button";
import { MutualTlsSection } from "./mutual-tls-section";
import { RevocationSection } from "./revocation-section";
import { ServerCertificateSection } from "./server-certificate-section";
import { StatusSection } from "./status-section";
import { VersionsSection } from "./versions-section";

/** The domain name of the path segment, or null when it is not valid percent-encoding. */
function domainFromPath(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

type Props = {
  params: Promise<{ domain: string }>;
  searchParams: Promise<{
    region?: string;
    truststore?: string | string[];
    clients?: string;
    audit?: string | string[];
  }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: domainFromPath((await params).domain) ?? "Not found" };
}

/** What a streaming section shows until it is read. */
function Pending({ what }: { what: string }) {
  return (
    <p
      role="status"
      aria-busy="true"
      className="animate-pulse rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600"
    >
      {what}
    </p>
  );
}

export default async function DomainPage({ params, searchParams }: Props) {
  const domainName = domainFromPath((await params).domain);
  // A malformed path (bad percent-encoding) names no domain: 404, never a 500.
  if (domainName === null) notFound();
  const { region: asked, truststore: openUri, clients, audit } = await searchParams;
  const days = isWindow(Number(clients)) ? (Number(clients) as WindowDays) : 7;
  const session = await requirePageSession(
    `/domains/${encodeURIComponent(domainName)}${isRegion(asked) ? `?region=${asked}` : ""}`,
  );
  const region = await domainPlace(asked);
  // In a fleet the URL must name the domain's account and region.
  if (region === null) notFound();
  const view = await domainPageView(
    domainName,
    region,
    session.role,
    typeof openUri === "string" && openUri.trim() ? openUri.slice(0, 1100) : undefined,
  );
  if (!view.ok) return <ErrorPanel title={`Could not load ${domainName}`} message={view.message} />;
  if (!view.value) notFound();
  const { detail, capabilities, blocked } = view.value;
  const { domain } = detail;
  const blockedReason = blocked?.message;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={overviewHref(region)} className="text-sky-800 hover:underline">
            ← Custom domain names
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold break-all">{domain.domainName}</h1>
          <StatusBadge status={domain.status} />
          {STATUS_HELP[domain.status].transient && <AutoRefresh active />}
        </div>
        <p className="text-sm break-words text-slate-600" data-testid="domain-facts">
          {placeLabel(region, accountLabels())} · {domain.endpointType} ·{" "}
          {domain.securityPolicy ?? "security policy not reported"}
          {domain.ipAddressType === "dualstack" ? " · dualstack (IPv4 and IPv6)" : ""}
          {domain.dnsTarget
            ? ` · DNS target ${domain.dnsTarget}${domain.endpointType === "EDGE" ? " (CloudFront)" : ""}`
            : ""}
        </p>
        <p className="flex flex-wrap items-center gap-3 text-sm">
          {domain.dnsTarget && <CopyButton text={domain.dnsTarget} label="Copy DNS target" />}
          {domain.domainNameArn && (
            <CopyButton text={domain.domainNameArn} label="Copy ARN" name="Copy the domain's ARN" />
          )}
          <a
            className="text-sky-800 hover:underline"
            href={`https://console.aws.amazon.com/apigateway/main/publish/domain-names?region=${regionOf(region)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            Custom domain names in the AWS console ↗
          </a>
        </p>
        <SectionNav />
      </header>
      <ChangesSection detail={detail} region={region} canChange={session.role === "operator"} />
      <StatusSection domain={domain} />
      <ServerCertificateSection
        detail={detail}
        region={region}
        {...(blocked && blocked.code !== "status-locked"
          ? { ownershipBlockedReason: blocked.message }
          : {})}
      />
      <MutualTlsSection
        detail={detail}
        region={region}
        capabilities={capabilities}
        blockedReason={blockedReason}
      >
        <Suspense fallback={<Pending what="Reading the active truststore version…" />}>
          <ActiveFindings detail={detail} region={region} />
        </Suspense>
      </MutualTlsSection>
      <IacSection domain={domain} />
      <Suspense fallback={<Pending what="Decoding the active truststore version…" />}>
        <ActiveTruststoreSections detail={detail} region={region} blockedReason={blockedReason} />
      </Suspense>
      <Suspense fallback={<Pending what="Reading the version history…" />}>
        <VersionsSection detail={detail} region={region} blockedReason={blockedReason} />
      </Suspense>
      <MappingsSection detail={detail} region={region} canChange={session.role === "operator"} />
      <Suspense fallback={<Pending what="Reading the clients seen in the access logs…" />}>
        <ClientsSeenSection
          detail={detail}
          region={region}
          days={days}
          canChange={session.role === "operator"}
        />
      </Suspense>
      <Suspense
        fallback={<Pending what="Reading the revocation lists and where they are enforced…" />}
      >
        <RevocationSection
          detail={detail}
          region={region}
          canChange={session.role === "operator"}
        />
      </Suspense>
      <Suspense fallback={<Pending what="Reading the audit trail…" />}>
        <AuditSection
          detail={detail}
          region={region}
          {...(typeof audit === "string" ? { after: audit.slice(0, 64) } : {})}
        />
      </Suspense>
    </article>
  );
}
