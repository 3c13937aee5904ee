/**
 * A checked truststore file, before anything is sent: one verdict (the
 * file's errors, else whether the change refuses today's clients, else the
 * file's warnings), the findings, the diff against the active version and the
 * decoded certificates.
 */
import type { TruststoreDiff, TruststoreReport } from "@/lib/truststore";
import { certificateAnchor } from "../../../components/certificate-anchor";
import { DecodedCertificateList } from "../../../components/certificate-list-client";
import { DiffView } from "./diff-view";
import { FindingsList } from "../../../components/findings-list";

export function CheckedFileReport({
  name,
  report,
  diff,
  refusesClients = false,
}: {
  name: string;
  report: TruststoreReport;
  diff: TruststoreDiff | null;
  /** The change refuses clients that connect today (the lockout guard above says which). */
  refusesClients?: boolean;
}) {
  const errors = report.findings.filter((f) => f.severity === "error");
  const warnings = report.findings.filter((f) => f.severity === "warning");
  return (
    <>
      <h3 className="font-semibold">
        {name}: {report.certificates.length} certificate
        {report.certificates.length === 1 ? "" : "s"},{" "}
        <span
          data-testid="candidate-verdict"
          className={
            errors.length || refusesClients
              ? "text-rose-800"
              : warnings.length
                ? "text-amber-800"
                : "text-emerald-800"
          }
        >
          {errors.length
            ? "refused"
            : refusesClients
              ? `the file is valid${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? "" : "s"})` : ""}, but uploading it refuses clients that connect today (above)`
              : warnings.length
                ? `${warnings.length} warning${warnings.length === 1 ? "" : "s"} in the file`
                : "no problems found in the file"}
        </span>
      </h3>
      <FindingsList findings={report.findings} certificateAnchor={certificateAnchor("upload")} />
      {errors.length > 0 && (
        <p className="text-sm text-rose-800">
          Fix these errors and drop the file again: nothing can be uploaded while there are errors.
        </p>
      )}
      {diff && <DiffView diff={diff} />}
      {report.certificates.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Decoded certificates</summary>
          <div className="mt-2">
            <DecodedCertificateList
              report={report}
              anchorPrefix="upload"
              now={Date.parse(report.evaluatedAt)}
            />
          </div>
        </details>
      )}
    </>
  );
}
