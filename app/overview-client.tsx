"use client";
/**
 * The overview's controls: region, search, status and filters. The view
 * lives in the URL (shareable); the server filters, sorts and pages, and
 * sends one page. Statuses that settle on their own poll.
 */
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useState, useTransition } from "react";
import {
  API_TYPE_FILTERS,
  overviewSearch,
  fleetScopeLabel,
  type ApiTypeFilter,
  type FleetChoices,
  type OverviewPageView,
  type OverviewQuery,
} from "@/lib/model/overview-query";
import { DOMAIN_STATUSES, type DomainStatus } from "@/lib/model/domain";
import { unpackShownRow, type PackedShownRow } from "@/lib/model/overview-row";
import { STATUS_HELP } from "@/lib/model/status-help";
import { AutoRefresh } from "../components/auto-refresh-client";
import { OverviewTable } from "./overview-table";
import { useStreamedTypes } from "./api-type-cell";
import { Button } from "../components/ui/button";
import { OverviewScope } from "./overview-scope";

const select = "mt-1 rounded border border-slate-300 px-2 py-1.5 text-sm text-slate-900";
const TYPE_WORDS: Record<ApiTypeFilter, string> = {
  REST: "REST APIs",
  HTTP: "HTTP APIs",
  WEBSOCKET: "WebSocket APIs",
  NONE: "no API mapped",
};

export function OverviewClient({
  page,
  query,
  region,
  regions,
  fleet,
  labels,
  now,
}: {
  /** The page, its rows as shown and packed (lib/model/overview-row.ts: only what the table shows). */
  page: Omit<OverviewPageView, "rows"> & { rows: PackedShownRow[] };
  query: OverviewQuery;
  region: string;
  regions: string[];
  /** In a fleet: its accounts and the account and region filters. */
  fleet?: FleetChoices;
  /** Account labels by id (a fleet's rows name their account). */
  labels?: Record<string, string>;
  now: number;
}) {
  const router = useRouter();
  const ids = {
    search: useId(),
    status: useId(),
    type: useId(),
    mtls: useId(),
    truststore: useId(),
  };
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState(query.q);
  // The controls show the view asked for at once; the server's answer follows.
  const [view, setView] = useState(query);
  const served = JSON.stringify(query);
  const [shown, setShown] = useState(served);
  if (shown !== served) {
    // The server answered with a (possibly other) view: show that one.
    setShown(served);
    setView(query);
  }
  const go = (changes: Partial<OverviewQuery>) => {
    const next = { ...view, page: 1, ...changes };
    setView(next);
    startTransition(() =>
      router.replace(`/${overviewSearch(next, fleet ?? region)}`, { scroll: false }),
    );
  };
  // Typing searches after a pause, as the URL's q.
  useEffect(() => {
    if (search === view.q) return;
    const timer = setTimeout(() => go({ q: search }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);
  const where = fleet ? fleetScopeLabel(fleet) : region;
  const rows = useMemo(() => page.rows.map(unpackShownRow), [page.rows]);
  const streamedTypes = useStreamedTypes(
    page.apiTypes,
    rows.some((r) => !r.apiTypes),
  );
  const transient = rows.some((r) => STATUS_HELP[r.domain.status].transient);
  const filtered = page.matching !== page.total;
  const plural = (n: number) => `${n.toLocaleString("en-US")} domain name${n === 1 ? "" : "s"}`;

  return (
    <div className="space-y-4" aria-busy={pending}>
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <OverviewScope
          region={region}
          regions={regions}
          view={view}
          {...(fleet ? { fleet } : {})}
        />
        <div className="flex min-w-56 flex-1 flex-col text-xs font-medium text-slate-600">
          <label htmlFor={ids.search}>Search by name, S3 URI, CA subject or fingerprint</label>
          <input
            id={ids.search}
            type="search"
            className={select}
            placeholder="api.example.com or CN=Example Root CA"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="flex w-52 flex-col text-xs font-medium text-slate-600">
          <label htmlFor={ids.status}>Status</label>
          <select
            id={ids.status}
            className={select}
            value={view.status}
            onChange={(e) => go({ status: e.target.value as DomainStatus | "ALL" })}
          >
            <option value="ALL">All statuses</option>
            {DOMAIN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col text-xs font-medium text-slate-600">
          <label htmlFor={ids.mtls}>Mutual TLS</label>
          <select
            id={ids.mtls}
            className={select}
            value={view.mtls}
            onChange={(e) => go({ mtls: e.target.value as OverviewQuery["mtls"] })}
          >
            <option value="ALL">on or off</option>
            <option value="on">on</option>
            <option value="off">off</option>
          </select>
        </div>
        <div className="flex flex-col text-xs font-medium text-slate-600">
          <label htmlFor={ids.type}>API type</label>
          <select
            id={ids.type}
            className={select}
            value={view.type}
            onChange={(e) => go({ type: e.target.value as ApiTypeFilter | "ALL" })}
          >
            <option value="ALL">any type</option>
            {API_TYPE_FILTERS.map((t) => (
              <option key={t} value={t}>
                {TYPE_WORDS[t]}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input
            type="checkbox"
            checked={view.warnings}
            onChange={(e) => go({ warnings: e.target.checked })}
          />
          Has warnings
        </label>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input
            type="checkbox"
            checked={view.expiring}
            onChange={(e) => go({ expiring: e.target.checked })}
          />
          Certificate expiring within 30 days
        </label>
        <div className="flex flex-col text-xs font-medium text-slate-600">
          <label htmlFor={ids.truststore}>Truststore certificate expiring within</label>
          <select
            id={ids.truststore}
            className={select}
            value={view.truststoreDays ?? ""}
            onChange={(e) =>
              go({ truststoreDays: e.target.value ? Number(e.target.value) : undefined })
            }
          >
            <option value="">any time</option>
            {[7, 30, 90, 365].map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <p role="status" data-testid="result-count">
          {filtered
            ? `${page.matching.toLocaleString("en-US")} of ${plural(page.total)}`
            : plural(page.total)}
        </p>
        <p className="flex gap-2" data-testid="overview-export">
          Export these:
          {(["csv", "json"] as const).map((format) => (
            <a
              key={format}
              className="text-sky-800 underline"
              href={`/api/export/overview${overviewSearch({ ...query, page: 1 }, fleet ?? region)}&format=${format}`}
              download
            >
              {format.toUpperCase()}
            </a>
          ))}
        </p>
        <AutoRefresh
          active={transient || page.typesPending > 0}
          until={page.typesPending > 0 ? "every domain's API type is read" : undefined}
        />
      </div>
      {(page.typesPending > 0 || page.typesUnknown.count > 0) && (
        <p
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="types-notice"
        >
          {page.typesPending > 0 &&
            `The API mappings of ${plural(page.typesPending)} are still being read (one call per domain); they join this list as they are read. `}
          {page.typesUnknown.count > 0 &&
            `${plural(page.typesUnknown.count)} left out: their API type is unknown. ${page.typesUnknown.reason ?? ""}`}
        </p>
      )}

      {page.total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">No custom domain names in {where}.</p>
          <p className="mt-1 text-sm text-slate-600">
            Create one in API Gateway, or switch to another {fleet ? "account or " : ""}region
            above.
          </p>
        </div>
      ) : page.matching === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">
            {page.typesPending > 0
              ? "No domain name matches these filters yet."
              : "No domain name matches these filters."}
          </p>
          <button
            type="button"
            className="mt-2 text-sm text-sky-700 underline"
            onClick={() => {
              setSearch("");
              go({
                q: "",
                status: "ALL",
                warnings: false,
                expiring: false,
                truststoreDays: undefined,
                type: "ALL",
                mtls: "ALL",
              });
            }}
          >
            Clear the filters
          </button>
        </div>
      ) : (
        <OverviewTable
          rows={rows}
          query={query}
          region={region}
          {...(fleet ? { fleet, labels: labels ?? {} } : {})}
          now={now}
          apiTypes={streamedTypes}
        />
      )}
      {page.pages > 1 && (
        <nav className="flex items-center justify-center gap-3 text-sm" aria-label="Pages">
          <Button disabled={page.page <= 1} onClick={() => go({ page: page.page - 1 })}>
            Previous
          </Button>
          <span>
            Page {page.page} of {page.pages}
          </span>
          <Button disabled={page.page >= page.pages} onClick={() => go({ page: page.page + 1 })}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
