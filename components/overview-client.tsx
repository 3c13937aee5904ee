"use client";
/**
 * The domains table: search, filters, sort, region switch, paging. Data
 * comes from the server page; statuses that settle on their own poll.
 */
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import type { OverviewRow } from "@/lib/domains/overview-types";
import { DOMAIN_STATUSES, type DomainStatus } from "@/lib/domains/types";
import { STATUS_HELP, daysUntil } from "@/lib/domains/status-help";
import { AutoRefresh } from "./auto-refresh-client";
import { OverviewRowView } from "./overview-row";
import { Button } from "./ui/button";

type SortKey = "name" | "status" | "expiry" | "warnings";
const PAGE_SIZE = 100;

function soonestExpiry(row: OverviewRow): string | undefined {
  return [row.serverCertificateNotAfter, row.ownershipNotAfter]
    .filter((x): x is string => !!x)
    .sort()[0];
}

export function OverviewClient({
  rows,
  region,
  regions,
  now,
}: {
  rows: OverviewRow[];
  region: string;
  regions: string[];
  now: number;
}) {
  const router = useRouter();
  const ids = { region: useId(), search: useId(), status: useId() };
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<DomainStatus | "ALL">("ALL");
  const [withWarnings, setWithWarnings] = useState(false);
  const [expiring, setExpiring] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: "name",
    descending: false,
  });
  const [page, setPage] = useState(0);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    const out = rows.filter((r) => {
      if (q && !r.domain.domainName.toLowerCase().includes(q)) return false;
      if (status !== "ALL" && r.domain.status !== status) return false;
      if (withWarnings && r.warningCount === 0) return false;
      if (expiring) {
        const soonest = soonestExpiry(r);
        if (!soonest || daysUntil(soonest, now) > 30) return false;
      }
      return true;
    });
    const value = (r: OverviewRow): string | number => {
      switch (sort.key) {
        case "status":
          return r.domain.status;
        case "expiry":
          return soonestExpiry(r) ?? "9999";
        case "warnings":
          return r.warningCount;
        default:
          return r.domain.domainName;
      }
    };
    out.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c =
        typeof va === "number" && typeof vb === "number"
          ? va - vb
          : String(va).localeCompare(String(vb));
      return (sort.descending ? -c : c) || a.domain.domainName.localeCompare(b.domain.domainName);
    });
    return out;
  }, [rows, query, status, withWarnings, expiring, sort, now]);

  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const transient = rows.some((r) => STATUS_HELP[r.domain.status].transient);
  const reset = () => {
    setQuery("");
    setStatus("ALL");
    setWithWarnings(false);
    setExpiring(false);
    setPage(0);
  };
  const sortButton = (key: SortKey, label: string) => (
    <button
      type="button"
      className="inline-flex items-center gap-1 font-medium hover:text-slate-900"
      onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
      aria-label={`Sort by ${label}`}
    >
      {label}
      {sort.key === key && <span aria-hidden>{sort.descending ? "▼" : "▲"}</span>}
    </button>
  );
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.descending ? "descending" : "ascending") : "none";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <div className="flex flex-col text-xs font-medium text-slate-600">
          <label htmlFor={ids.region}>Region</label>
          <select
            id={ids.region}
            className="mt-1 rounded border border-slate-300 px-2 py-1.5 text-sm text-slate-900"
            value={region}
            onChange={(e) => router.push(`/?region=${encodeURIComponent(e.target.value)}`)}
          >
            {regions.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div className="flex min-w-56 flex-1 flex-col text-xs font-medium text-slate-600">
          <label htmlFor={ids.search}>Search by name</label>
          <input
            id={ids.search}
            type="search"
            className="mt-1 rounded border border-slate-300 px-2 py-1.5 text-sm text-slate-900"
            placeholder="api.example.com"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(0);
            }}
          />
        </div>
        <div className="flex w-64 flex-col text-xs font-medium text-slate-600">
          <label htmlFor={ids.status}>Status</label>
          <select
            id={ids.status}
            className="mt-1 rounded border border-slate-300 px-2 py-1.5 text-sm text-slate-900"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as DomainStatus | "ALL");
              setPage(0);
            }}
          >
            <option value="ALL">All statuses</option>
            {DOMAIN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input
            type="checkbox"
            checked={withWarnings}
            onChange={(e) => (setWithWarnings(e.target.checked), setPage(0))}
          />
          Has warnings
        </label>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input
            type="checkbox"
            checked={expiring}
            onChange={(e) => (setExpiring(e.target.checked), setPage(0))}
          />
          Certificate expiring within 30 days
        </label>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <p role="status" data-testid="result-count">
          {filtered.length === rows.length
            ? `${rows.length.toLocaleString("en-US")} domain name${rows.length === 1 ? "" : "s"}`
            : `${filtered.length.toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} domain names`}
        </p>
        <AutoRefresh active={transient} />
      </div>

      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">No custom domain names in {region}.</p>
          <p className="mt-1 text-sm text-slate-600">
            Create one in API Gateway, or switch to another region above.
          </p>
        </div>
      ) : filtered.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">No domain name matches these filters.</p>
          <button type="button" className="mt-2 text-sm text-sky-700 underline" onClick={reset}>
            Clear the filters
          </button>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Custom domain names in {region}</caption>
            <thead className="bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2" aria-sort={ariaSort("name")}>
                  {sortButton("name", "Domain name")}
                </th>
                <th scope="col" className="px-3 py-2" aria-sort={ariaSort("status")}>
                  {sortButton("status", "Status")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Endpoint · policy
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Mutual TLS
                </th>
                <th scope="col" className="px-3 py-2" aria-sort={ariaSort("warnings")}>
                  {sortButton("warnings", "Warnings")}
                </th>
                <th scope="col" className="px-3 py-2" aria-sort={ariaSort("expiry")}>
                  {sortButton("expiry", "Certificate expiry")}
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((r) => (
                <OverviewRowView key={r.domain.domainName} row={r} region={region} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex items-center justify-center gap-3 text-sm" aria-label="Pages">
          <Button
            tone="secondary"
            size="sm"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            Previous
          </Button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <Button
            tone="secondary"
            size="sm"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
