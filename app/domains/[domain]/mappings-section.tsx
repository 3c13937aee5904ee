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
      <Mappings
        domainName={detail.domain.domainName}
        mappings={detail.mappings}
        region={region}
        mtlsOn={!!detail.domain.mtls}
        canChange={canChange}
      />
    </Section>
  );
}
