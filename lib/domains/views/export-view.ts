import "server-only";
/**
 * The exports a user can download: the overview as it is filtered (every
 * matching row, not one page) and a domain's audit trail, as CSV or JSON.
 * Plain records of the project's own fields, never AWS's objects.
 */
import { isKnownRegion } from "../../aws/regions";
import { toCsv } from "../../model/csv";
import { parseOverviewQuery } from "../../model/overview-query";
import { accountOf, regionOf } from "../../model/place";
import { listAuditEvents, listRefusals } from "../../records/audit";
import { overviewPage } from "../overview/overview-page";
import { readPart, type Loaded } from "../shared/loaded";
import { fleetChoices, fleetPlacesOf } from "./fleet-view";
import { domainPlace, pageRegion } from "./page-views";

export type ExportFormat = "csv" | "json";
type Params = Record<string, string | string[] | undefined>;

export interface ExportFile {
  name: string;
  type: string;
  body: string;
}

const OVERVIEW_COLUMNS = [
  "domainName",
  "account",
  "region",
  "status",
  "endpointType",
  "securityPolicy",
  "mtls",
  "truststoreUri",
  "truststoreVersion",
  "warnings",
  "serverCertificateNotAfter",
  "ownershipNotAfter",
  "truststoreExpiry",
] as const;

function file(
  base: string,
  format: ExportFormat,
  columns: string[],
  rows: Record<string, unknown>[],
): ExportFile {
  const stamp = new Date().toISOString().slice(0, 10);
  return format === "csv"
    ? { name: `${base}-${stamp}.csv`, type: "text/csv; charset=utf-8", body: toCsv(columns, rows) }
    : {
        name: `${base}-${stamp}.json`,
        type: "application/json",
        body: `${JSON.stringify(rows, null, 2)}\n`,
      };
}

/** The overview as the URL's view filters and sorts it, every matching row. */
export function overviewExport(params: Params, format: ExportFormat): Promise<Loaded<ExportFile>> {
  return readPart(async () => {
    const fleet = await fleetChoices(params);
    const asked = typeof params.region === "string" ? params.region : undefined;
    const places = fleet ? fleetPlacesOf(fleet.choices) : [await pageRegion(asked)];
    const page = await overviewPage(places, parseOverviewQuery(params), Number.POSITIVE_INFINITY);
    const rows = page.rows.map((r) => {
      const place = r.place ?? places[0]!;
      return {
        domainName: r.domain.domainName,
        account: accountOf(place) ?? "",
        region: regionOf(place),
        status: r.domain.status,
        endpointType: r.domain.endpointType,
        securityPolicy: r.domain.securityPolicy ?? "",
        mtls: r.domain.mtlsState,
        truststoreUri: r.domain.mtls?.truststoreUri ?? "",
        truststoreVersion: r.domain.mtls?.truststoreVersion ?? "",
        warnings: r.warningCount,
        serverCertificateNotAfter: r.serverCertificateNotAfter ?? "",
        ownershipNotAfter: r.ownershipNotAfter ?? "",
        truststoreExpiry: r.truststoreExpiry ?? "",
      };
    });
    return file("custom-domain-names", format, [...OVERVIEW_COLUMNS], rows);
  }, "the custom domain names");
}

const AUDIT_COLUMNS = [
  "at",
  "user",
  "role",
  "action",
  "result",
  "domainName",
  "region",
  "fromVersion",
  "toVersion",
  "message",
  "requestId",
  "seq",
];

/** A domain's audit trail (its changes, then its refused attempts), newest first; null: no such place. */
export async function auditExport(
  domainName: string,
  place: string | undefined,
  format: ExportFormat,
): Promise<Loaded<ExportFile> | null> {
  // In a fleet the domain's account is named, never guessed.
  const region = await domainPlace(place);
  if (region === null || (place !== undefined && !isKnownRegion(place))) return null;
  return readPart(async () => {
    const [changes, refusals] = await Promise.all([
      listAuditEvents(domainName, region, 10_000),
      listRefusals(domainName, region, 1_000),
    ]);
    const rows = [...changes, ...refusals].map((e) => ({ ...e }) as Record<string, unknown>);
    return file(`audit-${domainName}`, format, AUDIT_COLUMNS, rows);
  }, "the audit trail");
}
