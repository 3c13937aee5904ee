import { certificateRows, packRows } from "@/lib/truststore";
import { ActiveCertificates } from "@/app/domains/[domain]/active-certificates-client";
import { ChainDiagram } from "@/app/domains/[domain]/chain-diagram";
import { ValidityTimeline } from "@/app/domains/[domain]/validity-timeline";
import { chainNode, validityBar } from "./certificate-charts";
import type { CheckedVersion } from "@/lib/domains/versions/truststores";
import { Section } from "./section";

/** As many as the list shows on a page: a big truststore's diagram and timeline are a sample. */
const SHOWN = 50;

/** Every certificate of the active truststore version, its chains and validity over time. */
export function ActiveCertificatesSection({
  domainName,
  region,
  active,
  now,
  truststoreUri,
}: {
  domainName: string;
  region: string;
  active: CheckedVersion;
  now: number;
  /** Set when the truststore was opened by its S3 URI: its newest version stands in for the active one. */
  truststoreUri?: string;
}) {
  const { certificates } = active.report;
  // Big truststores: the diagram and the timeline show 50 certificates (the list shows all).
  const many = certificates.length > SHOWN;
  const inDiagram = new Set(certificates.slice(0, SHOWN).flatMap((c) => c.path));
  const diagram = many ? certificates.filter((c) => inDiagram.has(c.index)) : certificates;
  const timeline = many
    ? [...certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter)).slice(0, SHOWN)
    : certificates;
  return (
    <Section
      title={`Certificates of the ${truststoreUri ? "newest" : "active"} version (${certificates.length})`}
      id="certificates"
    >
      <ActiveCertificates
        domainName={domainName}
        region={region}
        versionId={active.versionId}
        packed={packRows(certificateRows(active.report))}
        now={now}
        {...(truststoreUri ? { truststoreUri } : {})}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-medium">Chains</h3>
          <ChainDiagram certificates={diagram.map(chainNode)} anchorPrefix="active" />
          {many && (
            <p className="text-xs text-slate-500">
              The chains of the first {SHOWN} of {certificates.length} certificates.
            </p>
          )}
        </div>
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-medium">Validity</h3>
          <ValidityTimeline
            bars={timeline.filter((c) => c.duplicateOf === undefined).map(validityBar)}
            now={now}
          />
          {many && (
            <p className="text-xs text-slate-500">
              The {SHOWN} certificates that expire first, of {certificates.length}.
            </p>
          )}
        </div>
      </div>
    </Section>
  );
}
