import { AuditHistory } from "@/components/audit-history";
import { ErrorPanel } from "@/components/error-panel";
import type { DomainDetail } from "@/lib/domains/detail";
import { Section } from "./section";

/** Who changed this domain through the dashboard, and what was refused. */
export function AuditSection({ detail }: { detail: DomainDetail }) {
  return (
    <Section title="Audit trail" id="audit">
      {detail.history.ok ? (
        <AuditHistory events={detail.history.value} />
      ) : (
        <ErrorPanel title="The audit trail could not be read" message={detail.history.message} />
      )}
    </Section>
  );
}
