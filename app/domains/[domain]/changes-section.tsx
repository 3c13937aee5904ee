import { ErrorPanel } from "@/components/error-panel";
import { ChangeStateActions } from "@/components/change-state-client";
import type { DomainDetail } from "@/lib/domains/detail";
import { Section } from "./section";

/** Changes not finished: the domain's change lock and changes in doubt. Shown only when there is one. */
export function ChangesSection({
  detail,
  region,
  canChange,
}: {
  detail: DomainDetail;
  region: string;
  canChange: boolean;
}) {
  const { changes } = detail;
  if (!changes.ok)
    return <ErrorPanel title="Changes in progress could not be read" message={changes.message} />;
  const { lock, inDoubt } = changes.value;
  if (!lock && inDoubt.length === 0) return null;
  return (
    <Section title="Changes in progress" id="changes">
      <ChangeStateActions
        domainName={detail.domain.domainName}
        region={region}
        lock={lock}
        inDoubt={inDoubt}
        canChange={canChange}
      />
    </Section>
  );
}
