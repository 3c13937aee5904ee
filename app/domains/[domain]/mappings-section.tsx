import { ErrorPanel } from "@/components/error-panel";
import { Mappings } from "@/components/mappings-client";
import type { DomainDetail } from "@/lib/domains/detail";
import { Section } from "./section";

/** Base path mappings, with the default-endpoint bypass and its fix. */
export function MappingsSection({
  detail,
  region,
  canChange,
}: {
  detail: DomainDetail;
  region: string;
  canChange: boolean;
}) {
  return (
    <Section title="Base path mappings" id="mappings">
      {detail.mappings.ok ? (
        <Mappings
          domainName={detail.domain.domainName}
          mappings={detail.mappings.value}
          region={region}
          mtlsOn={detail.domain.mtlsState === "unknown" ? "unknown" : !!detail.domain.mtls}
          canChange={canChange}
        />
      ) : (
        <ErrorPanel
          title="The base path mappings could not be read"
          message={detail.mappings.message}
        />
      )}
    </Section>
  );
}
