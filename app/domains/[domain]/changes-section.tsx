import { ErrorPanel } from "@/components/error-panel";
import { ChangeStateActions } from "./lazy-flows-client";
import type { DomainDetail } from "@/lib/domains/views/detail";
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
  const { changes, drift } = detail;
  if (!changes.ok)
    return <ErrorPanel title="Changes in progress could not be read" message={changes.message} />;
  const { lock, inDoubt } = changes.value;
  if (!lock && inDoubt.length === 0 && !drift) return null;
  return (
    <Section title="Changes in progress" id="changes">
      {drift && (
        <p
          data-testid="drift"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          The last change recorded here ({drift.event.user}, {drift.event.action} at{" "}
          {drift.event.at.slice(0, 19).replace("T", " ")} UTC, to{" "}
          <code className="font-mono">{drift.event.toVersion ?? "no truststore"}</code>) is not the
          domain&apos;s state now (
          <code className="font-mono">
            {drift.actualVersion === null
              ? "mutual TLS off"
              : drift.actualVersion || "latest object"}
          </code>
          ): it was changed since, outside this dashboard or by a change in doubt that landed late.
        </p>
      )}
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
