/**
 * "Revocation": what API Gateway does not do. Where the revocation
 * authorizer runs (coverage), the lists it enforces (deny list and CRLs)
 * and their history, each change undoable.
 */
import { ErrorPanel } from "@/components/error-panel";
import { TableHead } from "@/components/ui/table-head";
import { clientLabel } from "@/lib/revocation/client-label";
import type { DomainDetail } from "@/lib/domains/views/detail";
import { revocationView } from "@/lib/domains/views/revocation-view";
import { CoverageTable } from "./revocation-coverage";
import { AddCrlForm, CreateListsButton, ListsChangeButton } from "./revocation-lists-client";
import { Section } from "./section";

const FRESHNESS = {
  current: "text-emerald-800",
  due: "text-amber-800",
  stale: "text-rose-800 font-medium",
} as const;

export async function RevocationSection({
  detail,
  region,
  canChange,
}: {
  detail: DomainDetail;
  region: string;
  canChange: boolean;
}) {
  if (!detail.domain.mtls) return null;
  const domainName = detail.domain.domainName;
  const { lists, history, coverage } = await revocationView(detail.domain, region);
  const version = lists.ok ? lists.value.versionId : "";
  const ref = { domainName, region, expectedListsVersion: version };
  const enforced =
    coverage.ok && coverage.value.stages.some((s) => s.rows.some((r) => r.protected));
  return (
    <Section title="Revocation" id="revocation">
      <p className="text-sm text-slate-700">
        API Gateway does not check whether a client certificate was revoked. The revocation
        authorizer does, on the methods and routes that run it, from these lists.
      </p>
      {coverage.ok ? (
        <CoverageTable coverage={coverage.value} />
      ) : (
        <ErrorPanel title="Coverage could not be read" message={coverage.message} />
      )}
      {!lists.ok ? (
        <ErrorPanel title="The revocation lists could not be read" message={lists.message} />
      ) : (
        <div className="space-y-4">
          {!lists.value.versionId && enforced && (
            <div
              className="rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900"
              data-testid="no-lists"
            >
              The revocation authorizer runs here but this domain has no lists yet, so it refuses
              every client (it fails closed when it cannot read them).{" "}
              {canChange && <CreateListsButton domainName={domainName} region={region} />}
            </div>
          )}
          <p className="text-xs text-slate-600" data-testid="lists-version">
            Kept in <code className="font-mono break-all">{lists.value.location}</code>
            {lists.value.versionId
              ? ` · version ${lists.value.versionId} · changed by ${lists.value.updatedBy} at ${lists.value.updatedAt.slice(0, 16).replace("T", " ")} UTC`
              : " · nothing revoked yet"}
          </p>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <h3 className="border-b border-slate-100 px-3 py-2 text-sm font-medium">
              Deny list · {lists.value.denied.length} revoked
            </h3>
            {lists.value.denied.length === 0 ? (
              <p className="px-3 py-2 text-sm text-slate-600">
                No client is revoked. Revoke one from Clients seen, or from Inspect with its
                certificate.
              </p>
            ) : (
              <table className="w-full text-sm">
                <TableHead
                  compact
                  columns={[
                    "Client",
                    "Issuer",
                    "Serial",
                    "Reason",
                    "Revoked",
                    ...(canChange ? [""] : []),
                  ]}
                />
                <tbody>
                  {lists.value.denied.map((d) => (
                    <tr
                      key={`${d.issuer}/${d.serial}`}
                      className="border-t border-slate-100"
                      data-testid="denied-client"
                    >
                      <td className="px-3 py-1 font-medium">{clientLabel(d)}</td>
                      <td className="px-3 py-1 font-mono text-xs break-all">{d.issuer}</td>
                      <td className="px-3 py-1 font-mono text-xs break-all">{d.serial}</td>
                      <td className="px-3 py-1 text-xs">{d.reason ?? "—"}</td>
                      <td className="px-3 py-1 text-xs whitespace-nowrap">
                        {d.at.slice(0, 16).replace("T", " ")} by {d.by}
                      </td>
                      {canChange && (
                        <td className="px-3 py-1">
                          <ListsChangeButton
                            kind="lift"
                            input={{
                              ...ref,
                              client: {
                                issuer: d.issuer,
                                serial: d.serial,
                                ...(d.subject ? { subject: d.subject } : {}),
                              },
                            }}
                            label={`Lift the revocation of ${clientLabel(d)}`}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <h3 className="border-b border-slate-100 px-3 py-2 text-sm font-medium">
              Certificate revocation lists · {lists.value.crls.length}
            </h3>
            {lists.value.crls.length > 0 && (
              <table className="w-full text-sm">
                <TableHead
                  compact
                  columns={[
                    "Issuer",
                    "Revokes",
                    "This update",
                    "Next update",
                    "Added",
                    ...(canChange ? [""] : []),
                  ]}
                />
                <tbody>
                  {lists.value.crls.map((c) => (
                    <tr key={c.issuer} className="border-t border-slate-100" data-testid="crl">
                      <td className="px-3 py-1 font-mono text-xs break-all">{c.issuer}</td>
                      <td className="px-3 py-1 tabular-nums">{c.revokedCount}</td>
                      <td className="px-3 py-1 text-xs whitespace-nowrap">
                        {c.thisUpdate.slice(0, 16).replace("T", " ")}
                      </td>
                      <td
                        className={`px-3 py-1 text-xs whitespace-nowrap ${FRESHNESS[c.freshness]}`}
                        data-testid="crl-next-update"
                      >
                        {c.nextUpdate ? c.nextUpdate.slice(0, 16).replace("T", " ") : "—"}
                        {c.freshness === "stale"
                          ? " · past: its clients are refused"
                          : c.freshness === "due"
                            ? " · due within 24 h"
                            : ""}
                      </td>
                      <td className="px-3 py-1 text-xs whitespace-nowrap">
                        {c.addedAt.slice(0, 10)} by {c.addedBy}
                      </td>
                      {canChange && (
                        <td className="px-3 py-1">
                          <ListsChangeButton
                            kind="remove-crl"
                            input={{ ...ref, issuer: c.issuer }}
                            label={`Remove the CRL of ${c.issuer}`}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {canChange && <AddCrlForm {...ref} />}
          </div>
          {history.ok && history.value.length > 0 && (
            <details
              className="rounded-lg border border-slate-200 bg-white"
              data-testid="lists-history"
            >
              <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
                History · {history.value.length}{" "}
                {history.value.length === 1 ? "version" : "versions"}
              </summary>
              <ul className="divide-y divide-slate-100 text-sm">
                {history.value.map((v) => (
                  <li
                    key={v.versionId}
                    className="flex flex-wrap items-center justify-between gap-2 px-3 py-1"
                  >
                    <span className="font-mono text-xs break-all">
                      {v.lastModified.slice(0, 19).replace("T", " ")} · {v.versionId}
                      {v.versionId === version ? " · in force" : v.deleteMarker ? " · deleted" : ""}
                    </span>
                    {canChange && v.versionId !== version && !v.deleteMarker && (
                      <ListsChangeButton
                        kind="restore"
                        input={{ ...ref, versionId: v.versionId }}
                        label={`Restore version ${v.versionId}`}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </Section>
  );
}
