/**
 * The parts of the domain page that need the active truststore version
 * decoded: AWS's warnings linked to their certificates and the findings now
 * (inside the mutual TLS section), the upload box (it diffs against the
 * active version) and the active version's certificates. They stream in
 * under Suspense once the version is read; the rest of the page does not
 * wait for them.
 */
import { certificateAnchor } from "@/components/certificate-anchor";
import { ErrorPanel } from "@/components/error-panel";
import { FindingsList } from "@/components/findings-list";
import { UploadTruststore } from "@/app/domains/[domain]/upload-client";
import type { DomainDetail } from "@/lib/domains/views/detail";
import { activeTruststore } from "@/lib/domains/views/truststore-view";
import type { CheckedVersion } from "@/lib/domains/versions/truststores";
import { warnedCertificate, warningsThenAndNow } from "@/lib/truststore";
import { ActiveCertificatesSection } from "./active-certificates-section";
import { Section } from "./section";

/** AWS's truststoreWarnings from the last update, each linked to the certificate it names. */
function AwsWarnings({ warnings, active }: { warnings: string[]; active?: CheckedVersion }) {
  const anchor = certificateAnchor("active");
  return (
    <div className="space-y-2">
      <h3 className="font-medium">Warnings from API Gateway</h3>
      {warnings.length === 0 ? (
        <p className="text-sm text-emerald-800">
          API Gateway returned no warnings at the last update. (It never re-checks later: see the
          findings below for what has expired since.)
        </p>
      ) : (
        <ul className="space-y-1" data-testid="aws-warnings">
          {warnings.map((w, i) => {
            const target = warnedCertificate(w, active?.report.certificates ?? []);
            return (
              <li
                key={i}
                className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
              >
                {w}
                {target !== undefined && (
                  <a className="ml-2 underline" href={`#${anchor(target)}`}>
                    certificate #{target + 1}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** What changed since API Gateway last checked: warnings that still hold, are gone, problems new since. */
function SinceLastUpdate({ warnings, active }: { warnings: string[]; active: CheckedVersion }) {
  const { still, gone, since } = warningsThenAndNow(warnings, active.report);
  const anchor = certificateAnchor("active");
  if (!warnings.length && !since.length) return null;
  return (
    <div className="space-y-2" data-testid="warnings-then-now">
      <h3 className="font-medium">Since API Gateway last checked</h3>
      <p className="text-sm">
        {still.length} of its {warnings.length} warning(s) still hold; {gone.length} no longer
        apply; {since.length} problem(s) are new since (API Gateway will not report them until the
        next update).
      </p>
      {since.length > 0 && (
        <div data-testid="new-since">
          <p className="text-sm font-medium">New since the last update</p>
          <FindingsList findings={since} certificateAnchor={anchor} empty="" />
        </div>
      )}
      {gone.length > 0 && (
        <ul className="list-inside list-disc text-sm text-slate-700" data-testid="warnings-gone">
          {gone.map((g, i) => (
            <li key={i}>
              No longer applies: {g.warning}
              {g.certificate === undefined
                ? " (no certificate of this version has that subject)"
                : " (the engine finds nothing wrong with that certificate now)"}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export async function ActiveFindings({ detail, region }: { detail: DomainDetail; region: string }) {
  const warnings = detail.domain.mtls?.truststoreWarnings ?? [];
  const opened = !!detail.truststore?.opened;
  const loaded = detail.truststore ? await activeTruststore(detail.truststore, region) : null;
  const active = loaded?.ok ? loaded.value : undefined;
  const anchor = certificateAnchor("active");
  return (
    <>
      {!opened && <AwsWarnings warnings={warnings} active={active} />}
      {!opened && active && <SinceLastUpdate warnings={warnings} active={active} />}
      {loaded && !loaded.ok && (
        <ErrorPanel title="The truststore could not be read" message={loaded.message} />
      )}
      {active && (
        <div className="space-y-2">
          <h3 className="font-medium">
            Findings now (evaluated {active.report.evaluatedAt.slice(0, 16).replace("T", " ")} UTC)
          </h3>
          <FindingsList
            findings={active.report.findings}
            certificateAnchor={anchor}
            empty="No findings: every certificate is valid and chains to a root."
          />
        </div>
      )}
    </>
  );
}

/** The upload box and the active version's certificates, once the active version is read. */
export async function ActiveTruststoreSections({
  detail,
  region,
  blockedReason,
}: {
  detail: DomainDetail;
  region: string;
  blockedReason?: string;
}) {
  const { domain, truststore } = detail;
  if (!truststore) return null;
  const loaded = await activeTruststore(truststore, region);
  if (!loaded.ok) return null;
  return (
    <>
      {domain.mtls && (
        <Section title="Upload a new version" id="upload">
          <UploadTruststore
            domainName={domain.domainName}
            region={region}
            hasActive
            activeVersionId={domain.mtls.truststoreVersion}
            blockedReason={blockedReason}
          />
        </Section>
      )}
      <ActiveCertificatesSection
        domainName={domain.domainName}
        region={region}
        active={loaded.value}
        now={detail.evaluatedAt}
        {...(truststore.opened ? { truststoreUri: truststore.uri } : {})}
      />
    </>
  );
}
