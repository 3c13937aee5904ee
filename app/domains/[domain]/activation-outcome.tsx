import type { MtlsDomain } from "@/lib/model/domain";
import { Notice } from "../../../components/notice";

export interface ActivationData {
  domain: MtlsDomain;
  previousVersion?: string;
}

/** What AWS answered to a truststore switch: the new status and its warnings. */
export function ActivationOutcome({
  data,
  versionId,
}: {
  data: ActivationData;
  versionId: string;
}) {
  const warnings = data.domain.mtls?.truststoreWarnings ?? [];
  return (
    <Notice tone="success">
      <p>
        <strong>{data.domain.domainName}</strong> now uses truststore version{" "}
        <code className="font-mono">{versionId}</code>
        {data.previousVersion ? (
          <>
            {" "}
            (was <code className="font-mono">{data.previousVersion}</code>)
          </>
        ) : null}
        . Status: <strong data-testid="outcome-status">{data.domain.status}</strong>.
      </p>
      {warnings.length > 0 ? (
        <div className="mt-1">
          API Gateway returned {warnings.length} warning{warnings.length === 1 ? "" : "s"}:
          <ul className="ml-4 list-disc">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-1">API Gateway returned no warnings.</p>
      )}
    </Notice>
  );
}
