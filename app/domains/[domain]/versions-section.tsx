import { AutoRefresh } from "./lazy-flows-client";
import { ErrorPanel } from "@/components/error-panel";
import { VersionHistory } from "@/app/domains/[domain]/version-history-client";
import { managedBy } from "@/lib/model/iac";
import { packRecords } from "@/lib/model/packed-records";
import type { DomainDetail } from "@/lib/domains/views/detail";
import { truststoreHistory } from "@/lib/domains/views/truststore-view";
import { Section } from "./section";

const OPENED_READ_ONLY =
  "Opened by its S3 URI: this backend does not report which version the domain uses, so diffs compare with the newest version and nothing can be switched from here.";

/** The S3 version history of the truststore, with diff and rollback; streams in under Suspense. */
export async function VersionsSection({
  detail,
  region,
  blockedReason,
}: {
  detail: DomainDetail;
  region: string;
  blockedReason?: string;
}) {
  const { domain, truststore } = detail;
  // An opened URI that cannot be read is explained beside its form.
  if (!truststore || (truststore.opened && !truststore.location)) return null;
  const loaded = await truststoreHistory(truststore, region);
  return (
    <Section title="Version history" id="versions">
      {loaded.ok ? (
        <>
          <VersionHistory
            domainName={domain.domainName}
            region={region}
            packedVersions={packRecords(loaded.value.versions)}
            activeVersionId={domain.mtls?.truststoreVersion}
            managed={managedBy(domain.tags)}
            blockedReason={truststore.opened ? OPENED_READ_ONLY : blockedReason}
            {...(truststore.opened ? { truststoreUri: truststore.uri } : {})}
          />
          {loaded.value.versions.some((v) => v.summarising) && (
            <p role="status" className="flex flex-wrap items-center gap-2 text-xs text-sky-800">
              Summarising {loaded.value.versions.filter((v) => v.summarising).length} versions seen
              for the first time (each is read once, ever).
              <AutoRefresh active until="they are all summarised" />
            </p>
          )}
          {loaded.value.truncated && (
            <p className="text-xs text-slate-500">
              Only the newest 50 versions are decoded and compared.
            </p>
          )}
        </>
      ) : (
        <ErrorPanel title="The version history could not be read" message={loaded.message} />
      )}
    </Section>
  );
}
