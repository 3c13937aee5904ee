import type { Comparison } from "./use-comparisons";
import { DiffView } from "./diff-view";

/** A comparison with the active version, or where it stands. */
export function ComparisonView({ comparison }: { comparison: Comparison | undefined }) {
  if (!comparison || comparison === "loading") {
    return (
      <p role="status" className="text-sm text-slate-600">
        Comparing with the active version…
      </p>
    );
  }
  if ("error" in comparison)
    return (
      <p className="text-sm text-rose-800">
        This version could not be compared with the active one: {comparison.error}
      </p>
    );
  return <DiffView diff={comparison.diff} />;
}
