import { VersionHistory } from "@/components/version-history-client";
import type { TruststoreView } from "@/lib/domains/detail";
import { Section } from "./section";

/** The S3 version history of the truststore, with diff and rollback. */
export function VersionsSection({
  domainName,
  region,
  truststore,
  activeVersionId,
  blockedReason,
}: {
  domainName: string;
  region: string;
  truststore: TruststoreView;
  activeVersionId?: string;
  blockedReason?: string;
}) {
  return (
    <Section title="Version history" id="versions">
      <VersionHistory
        domainName={domainName}
        region={region}
        versions={truststore.versions}
        activeVersionId={activeVersionId}
        blockedReason={blockedReason}
      />
      {truststore.truncated && (
        <p className="text-xs text-slate-500">
          Only the newest 50 versions are decoded and compared.
        </p>
      )}
    </Section>
  );
}
