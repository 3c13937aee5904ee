import { overviewHref, placeLabel } from "@/lib/model/place";
import { accountLabels } from "@/lib/domains/views/fleet-view";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateDomain } from "@/app/domains/new/create-domain-client";
import { ErrorPanel } from "@/components/error-panel";
import { requirePageSession } from "@/lib/auth/page-guard";
import { newDomainChoices } from "@/lib/domains/views/create-domain-view";
import { isRegion, pageRegion } from "@/lib/domains/views/page-views";

export const metadata: Metadata = { title: "New mTLS domain" };

export default async function NewDomainPage({
  searchParams,
}: {
  searchParams: Promise<{ region?: string }>;
}) {
  const { region: asked } = await searchParams;
  const session = await requirePageSession(
    isRegion(asked) ? `/domains/new?region=${asked}` : "/domains/new",
  );
  const region = await pageRegion(asked);
  const header = (
    <div className="space-y-1">
      <p className="text-sm">
        <Link href={overviewHref(region)} className="text-sky-800 hover:underline">
          ← Custom domain names
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        New mTLS custom domain name in {placeLabel(region, accountLabels())}
      </h1>
      <p className="text-sm text-slate-600">
        Every prerequisite is checked, and says how to fix it, before anything is created; the
        domain is created pinned to the exact truststore version you checked.
      </p>
    </div>
  );
  if (session.role !== "operator")
    return (
      <section className="space-y-4">
        {header}
        <ErrorPanel
          title="Only operators create domains"
          message="Your role (viewer) can see everything here but change nothing: ask an operator."
        />
      </section>
    );
  const choices = await newDomainChoices(region);
  return (
    <section className="space-y-4">
      {header}
      {choices.ok ? (
        <CreateDomain region={region} choices={choices.value} />
      ) : (
        <ErrorPanel
          title="The certificates and REST APIs could not be read"
          message={choices.message}
        />
      )}
    </section>
  );
}
