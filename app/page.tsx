import type { Metadata } from "next";
import Link from "next/link";
import { ErrorPanel } from "@/components/error-panel";
import { OverviewClient } from "@/app/overview-client";
import { requirePageSession } from "@/lib/auth/page-guard";
import { fleetScopeLabel, overviewSearch, parseOverviewQuery } from "@/lib/model/overview-query";
import { placeLabel } from "@/lib/model/place";
import { packShownRow, shownRow } from "@/lib/model/overview-row";
import { accountLabels, fleetChoices, fleetPlacesOf } from "@/lib/domains/views/fleet-view";
import { PlaceFailures } from "./place-failures";
import {
  inDoubtView,
  isRegion,
  overviewView,
  pageRegion,
  regionChoices,
} from "@/lib/domains/views/page-views";

export const metadata: Metadata = { title: { absolute: "Custom domain names · mTLS Console" } };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const asked = typeof params.region === "string" ? params.region : undefined;
  const query = parseOverviewQuery(params);
  const fleetView = await fleetChoices(params);
  const fleet = fleetView?.choices;
  const session = await requirePageSession(
    fleet
      ? `/${overviewSearch(query, fleet)}`
      : isRegion(asked)
        ? `/${overviewSearch(query, asked)}`
        : "/",
  );
  const places = fleet ? fleetPlacesOf(fleet) : [await pageRegion(asked)];
  const region = places[0] ?? (await pageRegion(undefined));
  const where = fleet ? fleetScopeLabel(fleet) : region;
  const labels = fleet ? accountLabels() : {};
  const [overview, doubts] = await Promise.all([overviewView(places, query), inDoubtView()]);
  if (!overview.ok)
    return (
      <ErrorPanel
        title={`Could not list the custom domain names of ${where}`}
        message={overview.message}
      />
    );
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Custom domain names</h1>
          <p className="text-sm text-slate-600">
            API Gateway custom domain names in {where} (for REST and HTTP APIs), with their mutual
            TLS truststores.
          </p>
        </div>
        {session.role === "operator" && (
          <Link
            href={`/domains/new?region=${region}`}
            className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
          >
            New mTLS domain…
          </Link>
        )}
      </div>
      {doubts.ok && doubts.value.length > 0 && (
        <div
          role="alert"
          data-testid="doubts-notice"
          className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950"
        >
          <p className="font-medium">
            Changes in doubt: AWS never confirmed them (no answer in time, or the server stopped).
            Check each domain&apos;s real state and resolve them on its page.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {doubts.value.map((d) => (
              <li key={`${d.region}/${d.domainName}`}>
                <Link
                  className="text-sky-800 underline"
                  href={`/domains/${encodeURIComponent(d.domainName)}?region=${d.region}#changes`}
                >
                  {d.domainName}
                </Link>{" "}
                ({placeLabel(d.region, labels)}, {d.count})
              </li>
            ))}
          </ul>
        </div>
      )}
      <PlaceFailures
        failures={[...(fleetView?.failures ?? []), ...overview.value.failures]}
        labels={labels}
      />
      <OverviewClient
        page={{
          ...overview.value,
          rows: overview.value.rows.map((row) => packShownRow(shownRow(row))),
        }}
        query={query}
        region={region}
        regions={regionChoices(region)}
        {...(fleet ? { fleet, labels } : {})}
        now={overview.value.evaluatedAt}
      />
    </section>
  );
}
