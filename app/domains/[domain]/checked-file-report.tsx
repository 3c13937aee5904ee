/**
 * A checked truststore file, before anything is sent: its verdict (about
 * the file only), the findings, the diff against the active version and the
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
}: {
  name: string;
  report: TruststoreReport;
  diff: TruststoreDiff | null;
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
            errors.length
              ? "text-rose-800"
              : warnings.length
                ? "text-amber-800"
                : "text-emerald-800"
          }
        >
          {errors.length
            ? "refused"
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
