/**
 * What a change dialog says of a domain that an infrastructure-as-code tool
 * manages (lib/model/iac.ts): its next deployment puts back what its
 * source says. Nothing when no tool is named. No state: usable from client
 * dialogs and server sections alike.
 */
import { managedByLabel, managedByTerms, type ManagedBy } from "@/lib/model/iac";

export function IacWarning({ managed }: { managed: ManagedBy | null }) {
  if (!managed) return null;
  const { deployment, reverts, source } = managedByTerms(managed);
  return (
    <p
      className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      data-testid="iac-warning"
    >
      This domain is managed by {managedByLabel(managed)}: {deployment} {reverts} this change unless{" "}
      {source} is changed too.
    </p>
  );
}
