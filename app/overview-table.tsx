/**
 * The overview's table of one page of domains, with sortable headers that
 * are links to the sorted view.
 */
import Link from "next/link";
import {
  fleetScopeLabel,
  overviewSearch,
  type FleetChoices,
  type OverviewQuery,
  type SortKey,
} from "@/lib/model/overview-query";
import { rowKey, type ApiTypes, type ShownRow } from "@/lib/model/overview-row";
import { OverviewRowView } from "./overview-row";

export function OverviewTable({
  rows,
  query,
  region,
  fleet,
  labels = {},
  now,
  apiTypes,
}: {
  rows: ShownRow[];
  query: OverviewQuery;
  region: string;
  /** In a fleet: Account and Region columns, links to each row's place. */
  fleet?: FleetChoices;
  labels?: Record<string, string>;
  now: number;
  /** The API types the rows do not carry, by row key, once streamed (null before). */
  apiTypes: Record<string, ApiTypes> | null;
}) {
  const header = (key: SortKey, label: string) => {
    const active = query.sort === key;
    const href = overviewSearch(
      { ...query, sort: key, descending: active ? !query.descending : false, page: 1 },
      fleet ?? region,
    );
    return (
      <th
        scope="col"
        className="cell"
        aria-sort={active ? (query.descending ? "descending" : "ascending") : "none"}
      >
        <Link
          href={href}
          className="inline-flex items-center gap-1 font-medium hover:text-slate-900"
          aria-label={`Sort by ${label}`}
          scroll={false}
        >
          {label}
          {active && <span aria-hidden>{query.descending ? "▼" : "▲"}</span>}
        </Link>
      </th>
    );
  };
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">
          Custom domain names in {fleet ? fleetScopeLabel(fleet) : region}
        </caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            {header("name", "Domain name")}
            {fleet && (
              <>
                <th scope="col" className="cell font-medium">
                  Account
                </th>
                <th scope="col" className="cell font-medium">
                  Region
                </th>
              </>
            )}
            {header("status", "Status")}
            <th scope="col" className="cell font-medium">
              Endpoint · policy
            </th>
            <th scope="col" className="cell font-medium">
              API type
            </th>
            <th scope="col" className="cell font-medium">
              Mutual TLS
            </th>
            {header("warnings", "Warnings")}
            {header("expiry", "Certificate expiry")}
            {header("truststore-expiry", "Truststore expiry")}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <OverviewRowView
              key={rowKey(r)}
              row={r}
              region={region}
              {...(fleet ? { labels } : {})}
              now={now}
              apiTypes={apiTypes}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
