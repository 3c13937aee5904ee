import Link from "next/link";
import { AuditHistory } from "@/app/domains/[domain]/audit-history";
import { ErrorPanel } from "@/components/error-panel";
import type { DomainDetail } from "@/lib/domains/views/detail";
import { auditView } from "@/lib/domains/views/page-views";
import { Section } from "./section";

/** Who changed this domain through the dashboard (paged, its chain checked), and, apart, what was refused. */
export async function AuditSection({
  detail,
  region,
  after,
}: {
  detail: DomainDetail;
  region: string;
  after?: string;
}) {
  const name = detail.domain.domainName;
  const loaded = await auditView(name, region, after);
  const href = (cursor?: string) =>
    `/domains/${encodeURIComponent(name)}?region=${region}${cursor ? `&audit=${encodeURIComponent(cursor)}` : ""}#audit`;
  return (
    <Section title="Audit trail" id="audit">
      {!loaded.ok ? (
        <ErrorPanel title="The audit trail could not be read" message={loaded.message} />
      ) : (
        <div className="space-y-3">
          <p
            data-testid="audit-chain"
            data-ok={loaded.value.chain.ok ? "1" : "0"}
            className={`rounded border px-3 py-2 text-sm ${loaded.value.chain.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-rose-300 bg-rose-50 text-rose-900"}`}
          >
            {loaded.value.chain.ok
              ? `The record of changes is whole: ${loaded.value.chain.records} chained record(s), none edited or removed${loaded.value.chain.unchained ? ` (${loaded.value.chain.unchained} older record(s) from before the chain are not covered)` : ""}.`
              : `The record of changes has been tampered with: ${loaded.value.chain.problem}`}
          </p>
          <AuditHistory events={loaded.value.page.events} />
          <p className="flex gap-2 text-sm" data-testid="audit-export">
            Download the whole trail:
            {(["csv", "json"] as const).map((format) => (
              <a
                key={format}
                className="text-sky-800 underline"
                href={`/api/export/audit?domain=${encodeURIComponent(name)}&region=${encodeURIComponent(region)}&format=${format}`}
                download
              >
                {format.toUpperCase()}
              </a>
            ))}
          </p>
          <nav aria-label="Audit pages" className="flex gap-3 text-sm">
            {after && (
              <Link href={href()} className="text-sky-800 hover:underline">
                ← Newest changes
              </Link>
            )}
            {loaded.value.page.next && (
              <Link href={href(loaded.value.page.next)} className="text-sky-800 hover:underline">
                Older changes →
              </Link>
            )}
          </nav>
          {loaded.value.refusals.length > 0 && (
            <details className="rounded border border-slate-200 bg-white p-3 text-sm">
              <summary className="cursor-pointer font-medium">
                Refused attempts ({loaded.value.refusals.length} newest), kept apart from the
                changes
              </summary>
              <div className="mt-2" data-testid="refusals">
                <AuditHistory events={loaded.value.refusals} />
              </div>
            </details>
          )}
        </div>
      )}
    </Section>
  );
}
