import "server-only";
/**
 * One issuer per name among a region's mTLS domains: API Gateway refuses a
 * mutual TLS domain whose server certificate names (its subject and SANs)
 * a name that another mTLS domain's server certificate has from a different
 * issuer ("The certificate subject <certSubject> conflicts with an existing
 * certificate from a different issuer"). Checked before the call, against
 * every other mTLS domain of the region the credentials can see, and in a
 * fleet of every account's same region (the rule crosses accounts).
 */
import { describeCertificate } from "../../aws/acm";
import { listDomainNames } from "../../aws/api-gateway";
import { certificateNames, type ServerCertificate } from "../../model/domain";
import { limiter } from "../shared/limiter";
import { fleetAccounts } from "../../aws/accounts";
import { fleetPlacesNow } from "../../aws/enabled-regions";
import { placeLabel, regionOf } from "../../model/place";
import type { Prerequisite } from "./mtls-prerequisites";

export interface NameIssuerConflict {
  name: string;
  issuer: string;
  otherDomain: string;
  otherIssuer: string;
}

const namesOf = (cert: ServerCertificate) =>
  new Set(certificateNames(cert).map((n) => n.toLowerCase()));

/**
 * The places whose mTLS domains share the region's one-issuer rule: the
 * region itself and, in a fleet, every other account's same region (the
 * rule crosses the accounts of an organisation); accounts whose regions
 * cannot be listed are named as not compared.
 */
async function placesSharingRule(place: string): Promise<{ places: string[]; unlisted: string[] }> {
  const region = regionOf(place);
  const fleet = await fleetPlacesNow();
  const others = (fleet?.places ?? []).filter((p) => p !== place && regionOf(p) === region);
  return { places: [place, ...others], unlisted: (fleet?.failures ?? []).map((f) => f.place) };
}

/** The names of `server` that another mTLS domain's server certificate has from another issuer. */
export async function serverNameConflicts(
  server: ServerCertificate,
  domainName: string,
  region: string,
): Promise<{ conflicts: NameIssuerConflict[]; unread: string[]; acrossAccounts: boolean }> {
  const ours = namesOf(server);
  const labels = Object.fromEntries((fleetAccounts() ?? []).map((a) => [a.id, a.label]));
  const pace = limiter(4);
  const conflicts: NameIssuerConflict[] = [];
  const sharing = await placesSharingRule(region);
  const unread = sharing.unlisted.map((p) => `every domain of ${placeLabel(p, labels)}`);
  await Promise.all(
    sharing.places.map(async (place) => {
      const elsewhere = place !== region;
      const named = (name: string) =>
        elsewhere ? `${name} (account ${placeLabel(place, labels)})` : name;
      const listed = await listDomainNames(place).catch(() => null);
      if (!listed) return void unread.push(`every domain of ${placeLabel(place, labels)}`);
      const others = listed.filter(
        (d) => d.mtls && d.certificateArn && (elsewhere || d.domainName !== domainName),
      );
      await Promise.all(
        others.map((d) =>
          pace.run(async () => {
            const cert = await describeCertificate(d.certificateArn!, place).catch(() => null);
            if (!cert?.issuer) return void unread.push(named(d.domainName));
            if (!server.issuer || cert.issuer === server.issuer) return;
            for (const name of namesOf(cert))
              if (ours.has(name))
                conflicts.push({
                  name,
                  issuer: server.issuer,
                  otherDomain: named(d.domainName),
                  otherIssuer: cert.issuer,
                });
          }),
        ),
      );
    }),
  );
  return { conflicts, unread, acrossAccounts: sharing.places.length > 1 };
}

export function conflictSentence(c: NameIssuerConflict): string {
  return `${c.name} is issued by ${c.issuer} in this certificate but by ${c.otherIssuer} in the server certificate of ${c.otherDomain}: API Gateway allows one issuer per name among a region's mTLS domains and will refuse this.`;
}

/** The prerequisite: no name of the server certificate is another mTLS domain's from another issuer. */
export async function nameIssuerCheck(
  server: ServerCertificate | null,
  domainName: string,
  region: string,
): Promise<Prerequisite | null> {
  if (!server || server.status !== "ISSUED") return null;
  const { conflicts, unread, acrossAccounts } = await serverNameConflicts(
    server,
    domainName,
    region,
  );
  const left = unread.length ? ` Not compared (unreadable): ${unread.join(", ")}.` : "";
  return {
    id: "name-issuer",
    label: "One issuer per name",
    ok: !conflicts.length,
    message: conflicts.length
      ? conflicts.map(conflictSentence).join(" ") + left
      : `No other mTLS domain of ${acrossAccounts ? `${regionOf(region)} in any account of the fleet` : region} has these names from another issuer.${left}`,
    ...(conflicts.length
      ? {
          fix: "Get every certificate for these names from one issuer (ACM for all is simplest), or ask AWS Support if another account holds the other.",
        }
      : {}),
  };
}
