/**
 * Where revocation is enforced: each mapped stage's methods or routes,
 * protected by the revocation authorizer or not, and how long a
 * revocation takes to bite (the authorizer's cache).
 */
import type { Coverage } from "@/lib/domains/revocation/coverage";

export function CoverageTable({ coverage }: { coverage: Coverage }) {
  const rows = coverage.stages.flatMap((s) => s.rows.map((r) => ({ s, r })));
  const all = rows.length > 0 && coverage.gaps.length === 0;
  return (
    <div className="space-y-2" data-testid="revocation-coverage">
      <p
        className={`rounded border px-3 py-2 text-sm ${all ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-amber-300 bg-amber-50 text-amber-950"}`}
        data-testid="coverage-verdict"
      >
        {coverage.stages.length === 0
          ? "No API is mapped to this domain, so nothing enforces revocation yet."
          : all
            ? `Every method and route of this domain runs the revocation authorizer (${coverage.functionName}): a revocation is enforced within ${coverage.delaySeconds} s (its cache TTL).`
            : `Revocation is not enforced everywhere: ${coverage.gaps.length} ${coverage.gaps.length === 1 ? "gap" : "gaps"} below.`}
      </p>
      {coverage.gaps.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-amber-950" data-testid="coverage-gaps">
          {coverage.gaps.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
      {coverage.sharedCaches.length > 0 && (
        <p className="text-sm text-rose-800" data-testid="coverage-shared-cache">
          The cache of {coverage.sharedCaches.join(", ")} is not keyed by the client certificate:
          one client&apos;s allowed answer can be reused for another, revoked one until it expires
          (a subject or a serial alone is shared by a stolen certificate and its replacement). Use
          the certificate&apos;s issuer and serial as its identity sources, or set its TTL to 0.
        </p>
      )}
      {rows.length > 0 && (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-600">
                <th className="px-3 py-1 font-medium">API / stage</th>
                <th className="px-3 py-1 font-medium">Method</th>
                <th className="px-3 py-1 font-medium">Path</th>
                <th className="px-3 py-1 font-medium">Revocation</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ s, r }) => (
                <tr
                  key={`${s.apiId}/${s.stage}/${r.method} ${r.path}`}
                  className="border-t border-slate-100"
                  data-testid="coverage-row"
                >
                  <td className="px-3 py-1 text-xs">
                    {s.apiName}/{s.stage}{" "}
                    <span className="text-slate-500">({s.http ? "HTTP" : "REST"})</span>
                  </td>
                  <td className="px-3 py-1 font-mono text-xs">{r.method}</td>
                  <td className="px-3 py-1 font-mono text-xs break-all">{r.path}</td>
                  <td
                    className={`px-3 py-1 text-xs ${r.protected ? "text-emerald-800" : "text-rose-800"}`}
                  >
                    {r.protected
                      ? `enforced by ${r.authorizer!.name} (cache ${r.authorizer!.ttlSeconds} s)`
                      : `not enforced (${r.instead})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
