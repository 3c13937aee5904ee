import { AuditHistory } from "@/components/audit-history";
import type { DomainDetail } from "@/lib/domains/detail";
import { Section } from "./section";

/** Who changed this domain through the dashboard, and what was refused. */
export function AuditSection({ detail }: { detail: DomainDetail }) {
  return (
    <Section title="Audit trail" id="audit">
      <AuditHistory events={detail.history} problem={detail.historyProblem} />
    </Section>
  );
}
