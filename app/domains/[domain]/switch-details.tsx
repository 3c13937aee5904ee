/**
 * What switching to another truststore version does, in its confirmation:
 * infrastructure as code that may undo it, the lockout guard, the exact version API Gateway will use, the diff
 * against the active version and its warnings. Loaded when a switch is
 * asked for, not with the page.
 */
import type { VersionSummary } from "@/lib/domains/versions/types";
import type { ManagedBy } from "@/lib/model/iac";
import type { InformedLockout } from "@/lib/truststore/lockout-informed";
import { IacWarning } from "../../../components/iac-warning";
import { Notice } from "../../../components/notice";
import { ComparisonView } from "./comparison-view";
import { LockoutGuard } from "./lockout-guard-client";
import type { Comparison } from "./use-comparisons";

export function SwitchDetails({
  managed,
  version,
  lockout,
  comparison,
  domainName,
  typed,
  onTyped,
}: {
  /** Infrastructure as code that owns the domain: a switch here can be undone by it. */
  managed: ManagedBy | null;
  version: VersionSummary;
  /** The lockout guard, once the comparison is in. */
  lockout: InformedLockout | undefined;
  comparison: Comparison | undefined;
  domainName: string;
  typed: string;
  onTyped: (typed: string) => void;
}) {
  return (
    <>
      <IacWarning managed={managed} />
      {lockout && (
        <LockoutGuard lockout={lockout} domainName={domainName} typed={typed} onTyped={onTyped} />
      )}
      <p className="text-sm">
        API Gateway will use this exact S3 version (
        {version.lastModified.slice(0, 16).replace("T", " ")} UTC
        {version.metadata.uploadedBy ? `, uploaded by ${version.metadata.uploadedBy}` : ""}) for
        every new TLS handshake. The domain is UPDATING for a short while.
      </p>
      <ComparisonView comparison={comparison} />
      {version.counts.warning > 0 && (
        <Notice tone="info">
          This version has {version.counts.warning} warning
          {version.counts.warning === 1 ? "" : "s"}: clients whose chain runs through those
          certificates will be refused.
        </Notice>
      )}
    </>
  );
}
