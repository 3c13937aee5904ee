/**
 * "Clients seen": the client certificates in the access logs of the stages
 * mapped to this domain, grouped by the CA of the active truststore version
 * that issued them; and, for a stage whose log cannot say, the fix.
 */
import Link from "next/link";
import { AccessLogFix } from "./lazy-flows-client";
import { CopyButton } from "@/components/copy-button";
import { ErrorPanel } from "@/components/error-panel";
import { Expiry } from "@/components/expiry";
import { TableHead } from "@/components/ui/table-head";
import type { DomainDetail } from "@/lib/domains/views/detail";
import { clientsSeenView, WINDOWS, type WindowDays } from "@/lib/domains/views/clients-seen-view";
import { denyListOf } from "@/lib/domains/views/revocation-view";
import { RevokeClientButton } from "@/components/revoke-client-button";
import { clientLabel } from "@/lib/revocation/client-label";
import { clientKey } from "@/lib/revocation/client-ref";
import { ListsChangeButton } from "./revocation-lists-client";
import { Section } from "./section";

export async function ClientsSeenSection({
  detail,
  region,
  days,
  canChange,
}: {
  detail: DomainDetail;
  region: string;
  days: WindowDays;
  canChange: boolean;
}) {
  const [loaded, denyList] = await Promise.all([
    clientsSeenView(detail, region, days),
    detail.domain.mtls ? denyListOf(detail.domain, region) : null,
  ]);
  const deniedKeys = new Set(denyList?.denied.map(clientKey));
  const revoked = (c: { issuerDN: string; serialNumber: string }) =>
    deniedKeys.has(clientKey({ issuer: c.issuerDN, serial: c.serialNumber }));
  if (loaded.ok && loaded.value.stages.length === 0) return null;
  const href = (d: number) =>
    `/domains/${encodeURIComponent(detail.domain.domainName)}?region=${region}&clients=${d}#clients`;
  return (
    <Section
      title="Clients seen"
      id="clients"
      actions={
        <nav aria-label="Window" className="flex gap-1 text-xs">
          {WINDOWS.map((d) => (
            <Link
              key={d}
              href={href(d)}
              aria-current={d === days ? "page" : undefined}
              className={`rounded px-2 py-1 ${d === days ? "bg-sky-700 text-white" : "text-sky-800 hover:bg-sky-50"}`}
            >
              {d === 1 ? "24 hours" : `${d} days`}
            </Link>
          ))}
        </nav>
      }
    >
      {!loaded.ok ? (
        <ErrorPanel title="The access logs could not be read" message={loaded.message} />
      ) : (
        <div className="space-y-3">
          {loaded.value.stages
            .filter((s) => s.state !== "ready" || !s.attributable)
            .map((s) => (
              <div
                key={`${s.http ? "http" : "rest"}/${s.restApiId}/${s.stageName}`}
                data-testid="access-log-notice"
                className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
              >
                <p>
                  Stage <strong>{s.stageName}</strong> of {s.http ? "HTTP" : "REST"} API{" "}
                  <code className="font-mono">{s.restApiId}</code>{" "}
                  {s.state === "none"
                    ? "has no access log, so the clients calling through it cannot be seen"
                    : s.state === "missing-fields"
                      ? "logs requests without the client certificate fields, so the clients calling through it cannot be seen"
                      : "logs client certificates without the domain name: a stage can be mapped to several domains, so the clients below may belong to other domains of this stage, and the lockout guard does not count them"}
                  . The format it needs:
                </p>
                <pre className="relative overflow-x-auto rounded bg-white p-2 font-mono text-xs">
                  {s.proposedFormat}
                </pre>
                <CopyButton
                  text={s.proposedFormat}
                  label="Copy log format"
                  name={`Copy the log format for stage ${s.stageName} of ${s.restApiId}`}
                />
                <AccessLogFix
                  domainName={detail.domain.domainName}
                  region={region}
                  restApiId={s.restApiId}
                  http={!!s.http}
                  stageName={s.stageName}
                  currentFormat={s.format ?? ""}
                  proposedFormat={s.proposedFormat}
                  {...(s.destinationArn ? { destinationArn: s.destinationArn } : {})}
                  canChange={canChange}
                />
              </div>
            ))}
          {loaded.value.groups.map((g) => (
            <div
              key={g.ca}
              className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
              data-testid="client-group"
            >
              <h3 className="border-b border-slate-100 px-3 py-2 text-sm font-medium">
                {g.inActiveVersion ? "Issued by" : "Issuer not in the active version:"}{" "}
                <span className="font-mono">{g.ca}</span> · {g.clients.length}{" "}
                {g.clients.length === 1 ? "client" : "clients"}
              </h3>
              <table className="w-full text-sm">
                <TableHead
                  compact
                  columns={[
                    "Client",
                    "Serial",
                    "Requests",
                    "Outcomes",
                    "Last seen (UTC)",
                    "Certificate expires",
                    ...(denyList ? ["Revocation"] : []),
                  ]}
                />
                <tbody>
                  {g.clients.map((c) => (
                    <tr
                      key={`${c.issuerDN}/${c.serialNumber}`}
                      className="border-t border-slate-100"
                      data-testid="client-seen"
                    >
                      <td className="px-3 py-1 font-mono text-xs break-all">{c.subjectDN}</td>
                      <td className="px-3 py-1 font-mono text-xs break-all">{c.serialNumber}</td>
                      <td className="px-3 py-1 tabular-nums">
                        {c.requests.toLocaleString("en-US")}
                      </td>
                      <td className="px-3 py-1 text-xs" data-testid="client-outcomes">
                        {c.statuses
                          ? Object.entries(c.statuses)
                              .sort(([a], [b]) => a.localeCompare(b))
                              .map(([status, n]) => `${status} ×${n}`)
                              .join(" · ")
                          : "—"}
                        {c.refusals?.map((r) => (
                          <span key={r} className="block text-rose-800">
                            {r}
                          </span>
                        ))}
                        {c.domainUnknown && (
                          <span className="block text-amber-800">may be another domain&apos;s</span>
                        )}
                      </td>
                      <td className="px-3 py-1 text-xs whitespace-nowrap">
                        {c.lastSeen.slice(0, 16)}
                      </td>
                      <td className="px-3 py-1 whitespace-nowrap">
                        {c.notAfterIso ? (
                          <Expiry notAfter={c.notAfterIso} now={detail.evaluatedAt} compact />
                        ) : (
                          c.notAfter
                        )}
                      </td>
                      {denyList && (
                        <td className="px-3 py-1 text-xs" data-testid="client-revocation">
                          {revoked(c) ? (
                            <span className="inline-flex flex-wrap items-center gap-2">
                              <span className="font-medium text-rose-800">revoked</span>
                              {canChange && (
                                <ListsChangeButton
                                  kind="lift"
                                  label={`Lift the revocation of ${clientLabel({ subject: c.subjectDN, issuer: c.issuerDN, serial: c.serialNumber })}`}
                                  input={{
                                    domainName: detail.domain.domainName,
                                    region,
                                    expectedListsVersion: denyList.versionId,
                                    client: { issuer: c.issuerDN, serial: c.serialNumber },
                                  }}
                                />
                              )}
                            </span>
                          ) : canChange ? (
                            <RevokeClientButton
                              domainName={detail.domain.domainName}
                              region={region}
                              client={{
                                issuer: c.issuerDN,
                                serial: c.serialNumber,
                                subject: c.subjectDN,
                              }}
                              expectedListsVersion={denyList.versionId}
                            />
                          ) : (
                            "—"
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {loaded.value.stages
            .filter((s) => s.state === "ready")
            .map((s) => (
              <p
                key={`${s.http ? "http" : "rest"}/${s.restApiId}/${s.stageName}`}
                className="text-xs text-slate-600"
              >
                Stage <strong>{s.stageName}</strong> of {s.http ? "HTTP" : "REST"} API{" "}
                <code className="font-mono">{s.restApiId}</code> logs client certificates to{" "}
                <code className="font-mono break-all">{s.destinationArn}</code>.
              </p>
            ))}
          <p className="text-xs text-slate-600" data-testid="clients-summary">
            {loaded.value.ready
              ? `${loaded.value.requests.toLocaleString("en-US")} requests from ${loaded.value.clientCount.toLocaleString("en-US")} clients in the last ${days === 1 ? "24 hours" : `${days} days`}; ${loaded.value.expiringSoon} with a certificate that expires within 30 days. The Logs Insights query scanned ${loaded.value.scanned} at ${loaded.value.queriedAt.slice(11, 19)} UTC (kept for 5 minutes).`
              : "No stage mapped here logs the client certificate fields yet."}
          </p>
        </div>
      )}
    </Section>
  );
}
