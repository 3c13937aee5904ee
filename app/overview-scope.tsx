"use client";
/**
 * Where the overview looks: one region, or in a fleet an account and a
 * region (each "all" by default), kept in the URL with the rest of the view.
 */
import { useRouter } from "next/navigation";
import { useId } from "react";
import { overviewSearch, type FleetChoices, type OverviewQuery } from "@/lib/model/overview-query";

const select = "mt-1 rounded border border-slate-300 px-2 py-1.5 text-sm text-slate-900";
const label = "flex flex-col text-xs font-medium text-slate-600";

export function OverviewScope({
  region,
  regions,
  fleet,
  view,
}: {
  region: string;
  regions: string[];
  fleet?: FleetChoices;
  view: OverviewQuery;
}) {
  const router = useRouter();
  const ids = { region: useId(), account: useId() };
  if (!fleet)
    return (
      <div className={label}>
        <label htmlFor={ids.region}>Region</label>
        <select
          id={ids.region}
          className={select}
          value={region}
          onChange={(e) => router.push(`/?region=${encodeURIComponent(e.target.value)}`)}
        >
          {regions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </div>
    );
  const go = (scope: Pick<FleetChoices, "account" | "region">) =>
    router.push(`/${overviewSearch({ ...view, page: 1 }, scope)}`);
  return (
    <>
      <div className={label}>
        <label htmlFor={ids.account}>Account</label>
        <select
          id={ids.account}
          className={select}
          value={fleet.account ?? ""}
          onChange={(e) => go({ account: e.target.value || undefined, region: fleet.region })}
        >
          <option value="">All accounts</option>
          {fleet.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label} ({a.id})
            </option>
          ))}
        </select>
      </div>
      <div className={label}>
        <label htmlFor={ids.region}>Region</label>
        <select
          id={ids.region}
          className={select}
          value={fleet.region ?? ""}
          onChange={(e) => go({ account: fleet.account, region: e.target.value || undefined })}
        >
          <option value="">All regions</option>
          {fleet.regions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </div>
    </>
  );
}
