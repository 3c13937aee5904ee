import { certificateAnchor } from "@/components/certificate-anchor";
import { certificateRows } from "@/lib/truststore";
import { ActiveCertificates } from "@/components/active-certificates-client";
import { ChainDiagram } from "@/components/chain-diagram";
import { ValidityTimeline } from "@/components/validity-timeline";
import type { CheckedVersion } from "@/lib/domains/truststores";
import { Section } from "./section";

/** Every certificate of the active truststore version, its chains and validity over time. */
export function ActiveCertificatesSection({
  domainName,
  region,
  active,
  now,
}: {
  domainName: string;
  region: string;
  active: CheckedVersion;
  now: number;
}) {
  const { certificates } = active.report;
  const anchor = certificateAnchor("active");
  return (
    <Section
      title={`Certificates of the active version (${certificates.length})`}
      id="certificates"
    >
      <ActiveCertificates
        domainName={domainName}
        region={region}
        versionId={active.versionId}
        rows={certificateRows(active.report)}
        now={now}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-medium">Chains</h3>
          <ChainDiagram certificates={certificates} anchor={anchor} />
        </div>
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-medium">Validity</h3>
          <ValidityTimeline certificates={certificates} now={now} />
        </div>
      </div>
    </Section>
  );
}
