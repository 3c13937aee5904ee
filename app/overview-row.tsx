import Link from "next/link";
import { rowKey, type ApiTypes, type ShownRow } from "@/lib/model/overview-row";
import { accountOf, regionOf } from "@/lib/model/place";
import { ApiTypeCell } from "./api-type-cell";
import { Expiry } from "../components/expiry";
import { MtlsStateLabel } from "./mtls-state-label";
import { StatusBadge } from "../components/status-badge";

/** One domain in the overview table: status, endpoint, API types, mTLS and truststore, warnings, expiry. */
export function OverviewRowView({
  row,
  region,
  labels,
  now,
  apiTypes,
}: {
  row: ShownRow;
  region: string;
  /** In a fleet: account labels by id, and the row's Account and Region cells. */
  labels?: Record<string, string>;
  now: number;
  /** The page's streamed types, by row key; null while they are read. */
  apiTypes: Record<string, ApiTypes> | null;
}) {
  const place = row.place ?? region;
  const account = accountOf(place);
  return (
    <tr className="row" data-testid="domain-row">
      <td className="cell">
        <Link
          className="link"
          href={`/domains/${encodeURIComponent(row.domain.domainName)}?region=${place}`}
        >
          {row.domain.domainName}
        </Link>
        {row.matchedCa && (
          <span
            className="block max-w-64 text-xs break-words text-slate-600"
            data-testid="matched-ca"
          >
            trusts <span className="font-mono">{row.matchedCa}</span>
          </span>
        )}
      </td>
      {labels && (
        <>
          <td className="cell text-xs" data-testid="row-account">
            {account && (labels[account] ?? account)}
            <span className="mono-line text-slate-500">{account}</span>
          </td>
          <td className="cell text-xs whitespace-nowrap" data-testid="row-region">
            {regionOf(place)}
          </td>
        </>
      )}
      <td className="cell">
        <StatusBadge status={row.domain.status} />
      </td>
      <td className="cell cell-note">
        {row.domain.endpointType}
        <br />
        {row.domain.securityPolicy ?? <span className="text-slate-400">policy not reported</span>}
      </td>
      <td className="cell">
        <ApiTypeCell
          types={row.apiTypes ?? (apiTypes ? apiTypes[rowKey(row)] : "reading")}
          now={now}
        />
      </td>
      <td className="cell text-xs">
        {row.domain.mtls ? (
          <>
            <span className="font-medium text-emerald-800">on</span>
            <span
              className="mono-line max-w-40 truncate text-slate-600"
              title={row.domain.mtls.truststoreUri}
            >
              {row.domain.mtls.truststoreUri}
            </span>
            <span className="mono-line text-slate-500">
              {`version ${row.domain.mtls.truststoreVersion ? `${row.domain.mtls.truststoreVersion.slice(0, 12)}…` : "latest"}`}
            </span>
          </>
        ) : (
          <MtlsStateLabel domain={row.domain} />
        )}
      </td>
      <td className="cell tabular-nums">
        {row.warningCount > 0 ? (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">
            {row.warningCount}
          </span>
        ) : (
          <span className="text-slate-400">0</span>
        )}
      </td>
      <td className="cell space-y-1 whitespace-nowrap">
        {row.serverCertificateNotAfter ? (
          <div>
            <Expiry notAfter={row.serverCertificateNotAfter} now={now} compact />
          </div>
        ) : (
          <span className="text-xs text-slate-400">unknown</span>
        )}
        {row.ownershipNotAfter && (
          <div className="text-xs text-slate-500">
            <span className="block">ownership certificate</span>
            <Expiry notAfter={row.ownershipNotAfter} now={now} compact />
          </div>
        )}
      </td>
      <td className="cell whitespace-nowrap" data-testid="truststore-expiry">
        {row.truststoreExpiry ? (
          <Expiry notAfter={row.truststoreExpiry} now={now} compact />
        ) : (
          <span className="text-xs text-slate-400">
            {row.domain.mtls
              ? row.domain.mtls.truststoreVersion
                ? "unknown"
                : "follows latest"
              : "—"}
          </span>
        )}
      </td>
    </tr>
  );
}
