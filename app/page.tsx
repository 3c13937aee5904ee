import type { Metadata } from "next";
import { ErrorPanel } from "@/components/error-panel";
import { OverviewClient } from "@/components/overview-client";
import { AwsFailure } from "@/lib/aws/errors";
import { requirePageSession } from "@/lib/auth/page-guard";
import { describeBackend } from "@/lib/domains/backend";
import { getOverview, isRegion, REGIONS } from "@/lib/domains/overview";

export const metadata: Metadata = { title: { absolute: "Custom domain names · mTLS Console" } };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<{ region?: string }>;
}) {
  const { region: asked } = await searchParams;
  await requirePageSession(isRegion(asked) ? `/?region=${asked}` : "/");
  const backend = await describeBackend();
  const region = isRegion(asked) ? asked : backend.defaultRegion;
  let overview;
  try {
    overview = await getOverview(region);
  } catch (error) {
    if (error instanceof AwsFailure)
      return (
        <ErrorPanel
          title={`Could not list the custom domain names of ${region}`}
          message={error.message}
        />
      );
    throw error;
  }
  const regions = REGIONS.includes(region) ? REGIONS : [region, ...REGIONS];
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Custom domain names</h1>
        <p className="text-sm text-slate-600">
          API Gateway REST custom domain names in {region}, with their mutual TLS truststores.
        </p>
      </div>
      <OverviewClient
        rows={overview.rows}
        region={region}
        regions={regions}
        now={overview.evaluatedAt}
      />
    </section>
  );
}
