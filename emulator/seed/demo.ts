/**
 * Demo data, generated at seed time so that every date stays relative to
 * now: domains in every status, mTLS on and off, a partner truststore with a
 * history (a CA added, an intermediate expiring, a SHA-1 root that warns, a
 * newer version not yet activated), an imported server certificate whose
 * ownership verification certificate is about to expire, and a REST API
 * whose default execute-api endpoint still bypasses mTLS; and the
 * revocation authorizer on api.partners.example.com (./demo-revocation.ts).
 */

import { issue } from "../../lib/pki/generate";

import { truststoreWarnings } from "../apigateway/router";
import { epochSeconds, type Context } from "../http";
import { domainKey, randomId, type DomainName } from "../state";

import { demoDomains } from "./demo-domains";
import { demoPki } from "./demo-pki";
import { demoRevocation } from "./demo-revocation";
import { demoTraffic } from "./demo-traffic";
import { demoTruststores } from "./demo-truststores";

import {
  amazonCertificate,
  DAY,
  DEMO_BUCKET,
  DEMO_REGION,
  DEMO_UNVERSIONED_BUCKET,
  putVersion,
  type SeedSummary,
} from "./helpers";

export { DEMO_BUCKET, DEMO_REGION, DEMO_UNVERSIONED_BUCKET, type SeedSummary } from "./helpers";

export async function seedDemo(ctx: Context): Promise<SeedSummary> {
  const now = ctx.now();
  const at = (days: number) => new Date(now + days * DAY);
  for (const [name, versioning] of [
    [DEMO_BUCKET, "Enabled"],
    [DEMO_UNVERSIONED_BUCKET, undefined],
  ] as const) {
    ctx.state.buckets[name] ??= {
      name,
      region: DEMO_REGION,
      createdAt: now - 400 * DAY,
      objects: {},
      ...(versioning ? { versioning } : {}),
    };
  }

  const pki = await demoPki(at);
  const stores = await demoTruststores(ctx, now, pki);
  const apis = await demoDomains(ctx, now, at, stores);
  await demoTraffic(ctx, now, pki, apis);
  demoRevocation(ctx, now, apis.partners);
  return {
    domains: Object.keys(ctx.state.domains).length,
    certificates: Object.keys(ctx.state.certificates).length,
    truststoreVersions: Object.values(ctx.state.buckets).reduce(
      (n, b) => n + Object.values(b.objects).reduce((m, v) => m + v.length, 0),
      0,
    ),
  };
}

/** `count` plain domains (for paging tests): one shared certificate and truststore. */
export async function seedBulkDomains(
  ctx: Context,
  count: number,
  region: string,
): Promise<SeedSummary> {
  const now = ctx.now();
  const bucketName = `bulk-truststores-${region}`;
  ctx.state.buckets[bucketName] ??= {
    name: bucketName,
    region,
    createdAt: now,
    versioning: "Enabled",
    objects: {},
  };
  const root = await issue({ subject: "CN=Bulk Root CA, O=Example" });
  const version = await putVersion(ctx, bucketName, "bulk.pem", root.pem, "bulk-seed", now);
  const certificateArn = await amazonCertificate(ctx, region, "*.bulk.example.test");
  const uri = `s3://${bucketName}/bulk.pem`;
  const { warnings } = await truststoreWarnings(ctx, uri, version);
  for (let i = 0; i < count; i++) {
    const name = `bulk-${String(i).padStart(5, "0")}.bulk.example.test`;
    const domain: DomainName = {
      region,
      domainName: name,
      domainNameId: randomId(10),
      regionalDomainName: `d-${randomId(10)}.execute-api.${region}.amazonaws.com`,
      regionalHostedZoneId: "Z1UJRXOUMOOFQ8",
      regionalCertificateArn: certificateArn,
      endpointType: "REGIONAL",
      securityPolicy: "TLS_1_2",
      status: "AVAILABLE",
      certificateUploadDate: epochSeconds(now),
      tags: {},
    };
    if (i % 2 === 0)
      domain.mutualTls = {
        truststoreUri: uri,
        truststoreVersion: version,
        truststoreWarnings: [...warnings],
      };
    ctx.state.domains[domainKey(region, name)] = domain;
  }
  return { domains: count, certificates: 1, truststoreVersions: 1 };
}
