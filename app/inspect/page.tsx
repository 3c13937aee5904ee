import type { Metadata } from "next";
import { Inspect } from "@/app/inspect/inspect-client";
import { requirePageSession } from "@/lib/auth/page-guard";
import { isRegion, domainsView, pageRegion } from "@/lib/domains/views/page-views";

export const metadata: Metadata = { title: "Inspect certificates" };

export default async function InspectPage({
  searchParams,
}: {
  searchParams: Promise<{ region?: string }>;
}) {
  const { region: asked } = await searchParams;
  const session = await requirePageSession(
    isRegion(asked) ? `/inspect?region=${asked}` : "/inspect",
  );
  const region = await pageRegion(asked);
  const overview = await domainsView(region);
  const domains = overview.ok
    ? overview.value.rows.filter((r) => r.domain.mtls).map((r) => r.domain.domainName)
    : [];
  const problem = overview.ok ? undefined : overview.message;
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Inspect certificates</h1>
        <p className="text-sm text-slate-600">
          Decode any PEM (at least what openssl x509 -text shows) and check it with API
          Gateway&apos;s truststore rules. No AWS needed.
        </p>
      </div>
      {problem && (
        <p className="text-sm text-amber-900">
          The domain list is unavailable ({problem}); decoding still works.
        </p>
      )}
      <Inspect domains={domains} region={region} canChange={session.role === "operator"} />
    </section>
  );
}
