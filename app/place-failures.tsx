import type { PlaceFailure } from "@/lib/model/overview-query";
import { accountOf, regionOf } from "@/lib/model/place";

/** A fleet's places that could not be read, one row each: the others are listed all the same. */
export function PlaceFailures({
  failures,
  labels,
}: {
  failures: PlaceFailure[];
  labels: Record<string, string>;
}) {
  if (!failures.length) return null;
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950"
      data-testid="place-failures"
    >
      <p className="font-medium">
        {failures.length === 1 ? "One place" : `${failures.length} places`} could not be read; the
        domains of the others are listed below.
      </p>
      <ul className="mt-1 space-y-1">
        {failures.map((f) => {
          const account = accountOf(f.place);
          return (
            <li key={f.place} data-testid="place-failure">
              <span className="font-medium">
                {account ? `${labels[account] ?? account} (${account})` : "This account"} ·{" "}
                {regionOf(f.place)}
              </span>
              : {f.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
