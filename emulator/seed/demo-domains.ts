/**
 * The demo's domains: every status, mTLS on and off, an edge-optimized
 * domain (no mTLS possible), an imported server
 * certificate whose ownership certificate is about to expire, REST APIs
 * (one whose default endpoint still bypasses mTLS), HTTP APIs, and their
 * mappings.
 */

import { issue } from "../../lib/pki/generate";

import { type Context } from "../http";

import type { DemoTruststores } from "./demo-truststores";
import {
  addDomain,
  addRestApi,
  amazonCertificate,
  DAY,
  DEMO_REGION,
  importedCertificate,
  map,
  mapHttpApi,
  type DomainSpec,
} from "./helpers";

export async function demoDomains(
  ctx: Context,
  now: number,
  at: (days: number) => Date,
  { partners, v1, v3, iot, payments, staging, euStore }: DemoTruststores,
) {
  // Server certificates.
  const cert = (domain: string, options?: Parameters<typeof amazonCertificate>[3]) =>
    amazonCertificate(ctx, DEMO_REGION, domain, options);
  const partnersCert = await cert("api.partners.example.com", { key: "RSA_2048" });
  const ownershipSoon = await cert("devices.iot.example.com", {
    notBefore: now - 385 * DAY,
    notAfter: now + 12 * DAY,
  });
  const ownershipExpired = await cert("secure.example.com", {
    notBefore: now - 400 * DAY,
    notAfter: now - 3 * DAY,
  });
  const serverCa = await issue({
    subject: "CN=Globex Server CA, O=Globex, C=DE",
    notBefore: at(-400),
    notAfter: at(1400),
  });
  const iotServer = await issue({
    subject: "CN=devices.iot.example.com",
    issuer: serverCa,
    ca: false,
    sans: ["devices.iot.example.com"],
    notBefore: at(-20),
    notAfter: at(345),
  });
  const secureServer = await issue({
    subject: "CN=secure.example.com",
    issuer: serverCa,
    ca: false,
    sans: ["secure.example.com"],
    notBefore: at(-100),
    notAfter: at(265),
  });
  const iotImported = importedCertificate(
    ctx,
    DEMO_REGION,
    iotServer,
    "devices.iot.example.com",
    now,
  );
  const secureImported = importedCertificate(
    ctx,
    DEMO_REGION,
    secureServer,
    "secure.example.com",
    now,
  );
  const expiringServer = await cert("payments.example.com", {
    notBefore: now - 370 * DAY,
    notAfter: now + 25 * DAY,
  });

  const partnersApi = addRestApi(ctx, "partners-api", false);
  const iotApi = addRestApi(ctx, "iot-ingest", true);
  const billingApi = addRestApi(ctx, "billing-api", true);
  const paymentsApi = addRestApi(ctx, "payments-api", false);

  const domains: DomainSpec[] = [
    {
      name: "api.partners.example.com",
      certificateArn: partnersCert,
      truststore: { key: partners, version: v3 },
      tags: { team: "platform" },
    },
    {
      name: "devices.iot.example.com",
      certificateArn: iotImported,
      ownershipArn: ownershipSoon,
      truststore: { key: "iot/truststore.pem", version: iot },
    },
    {
      name: "payments.example.com",
      certificateArn: expiringServer,
      truststore: { key: "payments/truststore.pem", version: payments },
    },
    {
      name: "billing.partners.example.com",
      status: "UPDATING",
      updatingForMs: 45_000,
      certificateArn: await cert("billing.partners.example.com"),
      truststore: { key: partners, version: v1 },
    },
    {
      name: "staging.partners.example.com",
      status: "PENDING",
      message: "The domain name is being created.",
      certificateArn: await cert("staging.partners.example.com"),
      truststore: { key: "staging/truststore.pem", version: staging },
    },
    {
      name: "reimport.example.com",
      status: "PENDING_CERTIFICATE_REIMPORT",
      message:
        "The re-imported certificate's subject alternative names do not cover reimport.example.com.",
      certificateArn: await cert("reimport.example.com"),
    },
    {
      name: "secure.example.com",
      status: "PENDING_OWNERSHIP_VERIFICATION",
      message: "The ownership verification certificate expired and could not be renewed.",
      certificateArn: secureImported,
      ownershipArn: ownershipExpired,
      truststore: { key: partners, version: v1 },
    },
    {
      name: "broken.example.com",
      status: "FAILED",
      message:
        "The certificate subject CN=broken.example.com conflicts with an existing certificate from a different issuer.",
      certificateArn: await cert("broken.example.com"),
    },
    {
      name: "legacy.example.com",
      endpointType: "REGIONAL",
      securityPolicy: "TLS_1_0",
      certificateArn: await cert("legacy.example.com"),
    },
    {
      // Edge-optimized: served through CloudFront, where API Gateway offers no mutual TLS.
      name: "docs.example.com",
      endpointType: "EDGE",
      certificateArn: await cert("docs.example.com"),
    },
    {
      name: "www.example.com",
      securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09",
      certificateArn: await cert("www.example.com"),
    },
  ];
  for (const spec of domains) await addDomain(ctx, spec);
  // eu-west-1, for the region switcher.
  const euCert = await amazonCertificate(ctx, "eu-west-1", "api.eu.example.com");
  await addDomain(ctx, {
    name: "api.eu.example.com",
    region: "eu-west-1",
    certificateArn: euCert,
    truststore: { key: "eu/truststore.pem", version: euStore },
  });
  await addDomain(ctx, {
    name: "static.eu.example.com",
    region: "eu-west-1",
    certificateArn: await amazonCertificate(ctx, "eu-west-1", "static.eu.example.com"),
  });

  map(ctx, "api.partners.example.com", "", partnersApi);
  map(ctx, "devices.iot.example.com", "ingest", iotApi);
  map(ctx, "billing.partners.example.com", "billing", billingApi);
  map(ctx, "payments.example.com", "", paymentsApi);
  // HTTP APIs (API Gateway v2) share the domains: one beside a REST API, one alone.
  mapHttpApi(ctx, "payments.example.com", "v2", "payments-http");
  mapHttpApi(ctx, "www.example.com", "", "storefront-http");
  return { partners: partnersApi, billing: billingApi };
}
