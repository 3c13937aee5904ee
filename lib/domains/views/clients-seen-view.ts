import "server-only";
/**
 * What the domain page's "Clients seen" shows: the clients grouped by the
 * CA that issued them (a CA of the active truststore version, or one that
 * is not in it), each stage that cannot say with the format it needs.
 */
import { sameDn, type SeenClient } from "../../truststore";
import { withClientCertFields } from "../../model/access-log-format";
import {
  clientsSeen,
  seenForGuard,
  type StageAccessLog,
  type WindowDays,
} from "../clients-seen/clients-seen";
import type { DomainDetail } from "./detail";
import { readPart, type Loaded } from "../shared/loaded";
import { activeTruststore } from "./truststore-view";

export { isWindow, WINDOWS, type WindowDays } from "../clients-seen/clients-seen";

export interface ClientRow extends SeenClient {
  /** notAfter as ISO, when it parses. */
  notAfterIso?: string;
}

export interface ClientsSeenView {
  stages: (StageAccessLog & { proposedFormat: string })[];
  groups: { ca: string; inActiveVersion: boolean; clients: ClientRow[] }[];
  ready: boolean;
  clientCount: number;
  requests: number;
  expiringSoon: number;
  scanned: string;
  /** When the logs were queried (the answer is kept 5 minutes, per instance). */
  queriedAt: string;
}

const bytes = (n: number) =>
  n < 1024
    ? `${n} bytes`
    : n < 1024 ** 2
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 ** 2).toFixed(1)} MB`;

export function clientsSeenView(
  detail: DomainDetail,
  region: string,
  days: WindowDays,
): Promise<Loaded<ClientsSeenView>> {
  return readPart(async () => {
    const [seen, active] = await Promise.all([
      clientsSeen(detail.domain.domainName, region, days),
      detail.truststore ? activeTruststore(detail.truststore, region) : null,
    ]);
    const cas = active?.ok ? active.value.report.certificates.filter((c) => c.isCA) : [];
    const groups = new Map<string, ClientsSeenView["groups"][number]>();
    const soon = detail.evaluatedAt + 30 * 86_400_000;
    let expiringSoon = 0;
    for (const c of seen.clients) {
      const ca = cas.find((cert) => sameDn(cert.subject, c.issuerDN));
      const label = ca?.subject ?? c.issuerDN;
      if (!groups.has(label)) groups.set(label, { ca: label, inActiveVersion: !!ca, clients: [] });
      const t = Date.parse(c.notAfter);
      const row: ClientRow = {
        ...c,
        ...(Number.isNaN(t) ? {} : { notAfterIso: new Date(t).toISOString() }),
      };
      if (!Number.isNaN(t) && t < soon) expiringSoon++;
      groups.get(label)!.clients.push(row);
    }
    return {
      stages: seen.stages.map((s) => ({ ...s, proposedFormat: withClientCertFields(s.format) })),
      groups: [...groups.values()].sort(
        (a, b) => Number(b.inActiveVersion) - Number(a.inActiveVersion),
      ),
      ready: seen.stages.some((s) => s.state === "ready"),
      clientCount: seen.clients.length,
      requests: seen.requests,
      expiringSoon,
      scanned: bytes(seen.bytesScanned),
      queriedAt: seen.queriedAt,
    };
  }, "the access logs");
}

/** How many clients (and requests) the access logs saw in 7 days; null when they cannot say. */
export async function seenSummary(
  domainName: string,
  region: string,
): Promise<{ clients: number; requests: number; days: number } | null> {
  const seen = await seenForGuard(domainName, region);
  return seen
    ? {
        clients: seen.clients.length,
        requests: seen.clients.reduce((n, c) => n + c.requests, 0),
        days: seen.days,
      }
    : null;
}
