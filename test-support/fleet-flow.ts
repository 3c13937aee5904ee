/**
 * The fleet flow, run against the emulator and against moto: two accounts
 * seeded through assumed roles (./fleet.ts), listed together with their places, each
 * domain read in its own account only, the viewer role for reads and the
 * operator role inside a change, and AWS's one-issuer-per-name rule checked
 * across the accounts. Which failures a backend can stage (a refused role)
 * is the caller's.
 */
import { ImportCertificateCommand } from "@aws-sdk/client-acm";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { expect } from "vitest";
import { asOperator } from "../lib/aws/access-scope";
import { describeCertificate } from "../lib/aws/acm";
import { getClients } from "../lib/aws/config";
import { fleetPlacesNow } from "../lib/aws/enabled-regions";
import { serverNameConflicts } from "../lib/domains/changes/server-name-issuers";
import { overviewPage } from "../lib/domains/overview/overview-page";
import { getDomainDetail } from "../lib/domains/views/detail";
import { parseOverviewQuery } from "../lib/model/overview-query";
import { placeOf } from "../lib/model/place";
import { issue } from "../lib/pki/generate";
import { accountClients, FLEET, type FleetSeed } from "./fleet";
import { privateKeyPem } from "./seed";

/** `mtlsReported`: the backend reports a domain's mutual TLS (moto drops it, so no conflict can be seen). */
export async function checkFleet(
  endpoint: string,
  seeded: FleetSeed,
  options: { mtlsReported: boolean; region?: string },
) {
  const region = options.region ?? "us-east-1";
  const pay = placeOf(FLEET.payments, region);
  const ident = placeOf(FLEET.identity, region);

  // Listed together, each row with its place.
  const page = await overviewPage((await fleetPlacesNow())!.places, parseOverviewQuery({}));
  const places = Object.fromEntries(page.rows.map((r) => [r.domain.domainName, r.place]));
  expect(places[seeded.payments.domainName]).toBe(pay);
  expect(places[seeded.identity.domainName]).toBe(ident);

  // A domain is read in its own account only.
  const detail = await getDomainDetail(seeded.payments.domainName, pay);
  expect(detail?.domain.domainName).toBe(seeded.payments.domainName);
  expect(await getDomainDetail(seeded.payments.domainName, ident)).toBeNull();

  // Reads with the viewer role, changes with the operator role.
  const who = async () =>
    (await (await getClients(pay)).sts.send(new GetCallerIdentityCommand({}))).Arn!;
  expect(await who()).toMatch(
    new RegExp(`^arn:aws:sts::${FLEET.payments}:assumed-role/mtls-console-viewer/`),
  );
  expect(await asOperator(who)).toMatch(
    new RegExp(`^arn:aws:sts::${FLEET.payments}:assumed-role/mtls-console-operator/`),
  );

  if (!options.mtlsReported) return page;
  // One issuer per name across accounts: a certificate in payments naming identity's domain.
  const leaf = await issue({
    subject: "CN=fleet-new.test.example",
    sans: ["fleet-new.test.example", seeded.identity.domainName],
    ca: false,
    key: { rsa: 2048 },
  });
  const imported = await accountClients(endpoint, FLEET.payments, region).acm.send(
    new ImportCertificateCommand({
      Certificate: Buffer.from(leaf.pem),
      PrivateKey: Buffer.from(await privateKeyPem(leaf.keys)),
    }),
  );
  const server = (await describeCertificate(imported.CertificateArn!, pay))!;
  const { conflicts } = await serverNameConflicts(server, "fleet-new.test.example", pay);
  expect(conflicts).toEqual([
    expect.objectContaining({
      name: seeded.identity.domainName,
      otherDomain: `${seeded.identity.domainName} (account identity · ${region})`,
    }),
  ]);
  return page;
}
