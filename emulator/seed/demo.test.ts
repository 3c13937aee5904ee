/**
 * The demo data: every status, mTLS on and off, the stories the demo tells.
 */

import { DescribeCertificateCommand } from "@aws-sdk/client-acm";
import { GetBasePathMappingsCommand, GetRestApiCommand } from "@aws-sdk/client-api-gateway";
import { ListObjectVersionsCommand } from "@aws-sdk/client-s3";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkTruststore } from "../../lib/truststore";
import { DOMAIN_STATUSES } from "../state";
import { startTestEmulator, type TestEmulator, listAllDomains } from "../../test-support/emulator";

describe("demo data", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ seed: true });
  });
  afterAll(() => t.stop());

  it("covers every status, mTLS on and off, and tells the stories the demo needs", async () => {
    const { apiGateway, acm, s3 } = t.clients();
    const domains = await listAllDomains(t);
    expect(domains.length).toBeGreaterThanOrEqual(8);
    expect(new Set(domains.map((d) => d.domainNameStatus))).toEqual(new Set(DOMAIN_STATUSES));
    expect(domains.some((d) => d.mutualTlsAuthentication)).toBe(true);
    expect(domains.some((d) => !d.mutualTlsAuthentication)).toBe(true);

    // A truststore with 4+ versions, and a SHA-1 certificate that warns on the active one.
    const partners = domains.find((d) => d.domainName === "api.partners.example.com")!;
    const uri = partners.mutualTlsAuthentication!.truststoreUri!;
    const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri)!;
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
    expect(versions.Versions!.length).toBeGreaterThanOrEqual(4);
    expect(
      partners.mutualTlsAuthentication!.truststoreWarnings!.some((w) => w.startsWith("weak-hash:")),
    ).toBe(true);

    // An imported server certificate whose ownership certificate expires within 30 days.
    const iot = domains.find((d) => d.domainName === "devices.iot.example.com")!;
    const server = (
      await acm.send(new DescribeCertificateCommand({ CertificateArn: iot.regionalCertificateArn }))
    ).Certificate!;
    expect(server.Type).toBe("IMPORTED");
    const owner = (
      await acm.send(
        new DescribeCertificateCommand({ CertificateArn: iot.ownershipVerificationCertificateArn }),
      )
    ).Certificate!;
    expect(owner.Type).toBe("AMAZON_ISSUED");
    const daysLeft = (owner.NotAfter!.getTime() - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(0);
    expect(daysLeft).toBeLessThan(30);

    // A mapped REST API whose default execute-api endpoint is still enabled.
    const mappings = await apiGateway.send(
      new GetBasePathMappingsCommand({ domainName: "api.partners.example.com" }),
    );
    const api = await apiGateway.send(
      new GetRestApiCommand({ restApiId: mappings.items![0]!.restApiId }),
    );
    expect(api.disableExecuteApiEndpoint).toBe(false);

    // Some truststore certificate expires within 30 days (found by the engine on the real bytes).
    const expiring = [];
    for (const d of domains.filter((x) => x.mutualTlsAuthentication)) {
      const [, b, k] = /^s3:\/\/([^/]+)\/(.+)$/.exec(d.mutualTlsAuthentication!.truststoreUri!)!;
      const { GetObjectCommand } = await import("@aws-sdk/client-s3");
      const body = await (
        await s3.send(
          new GetObjectCommand({
            Bucket: b,
            Key: k,
            VersionId: d.mutualTlsAuthentication!.truststoreVersion,
          }),
        )
      ).Body!.transformToString();
      const report = await checkTruststore(body);
      expiring.push(...report.findings.filter((f) => f.rule === "expiring-soon"));
    }
    expect(expiring.length).toBeGreaterThan(0);
    // A second region exists for the region switcher.
    expect((await listAllDomains(t, "eu-west-1")).length).toBeGreaterThan(0);
  });
});
