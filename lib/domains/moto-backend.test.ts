/**
 * The domain layer against moto_server, a real AWS backend nobody here
 * wrote: it drops mutualTlsAuthentication and fails GetBasePathMappings for
 * a domain without mappings. Nothing is shown as "off" that may be on, one
 * failed call costs one section, and a truststore opens by its S3 URI.
 */
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsClients } from "../aws/clients";
import { MOTO_MISSING, motoClients, startMoto, type RunningMoto } from "../../test-support/moto";
import { bundle, issue } from "../pki/generate";
import { refusal } from "../../test-support/failure";
import { getOverview } from "./overview/overview";
import { activateVersion, disableMtls } from "./changes/mutations";
import { apiTypesOf } from "./overview/api-types";
import { overviewPage } from "./overview/overview-page";
import { parseOverviewQuery } from "../model/overview-query";
import { getDomainDetail } from "./views/detail";
import { compareWithActive } from "./versions/compare";
import { versionedBucket } from "../../test-support/seed";

let moto: RunningMoto | null = null;
let aws: AwsClients;
const env = {
  AUDIT_BUCKET: "console-store",
  AWS_REGION: "us-east-1",
  TRUSTSTORE_BUCKETS: "moto-ts",
};
const MTLS = "with-mtls.test.example";
const EDGE = "edge.test.example";
let versions: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  if (!moto) {
    if (process.env.CI) throw new Error(MOTO_MISSING);
    console.warn(`notice: ${MOTO_MISSING}; the moto tests are skipped`);
    return;
  }
  Object.assign(process.env, {
    ...env,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
  });
  aws = motoClients(moto);
  const a = await issue({ subject: "CN=Moto Root A" });
  const b = await issue({ subject: "CN=Moto Root B" });
  await versionedBucket(aws, "moto-ts");
  await aws.s3.send(new CreateBucketCommand({ Bucket: "console-store" }));
  versions = [];
  for (const Body of [bundle(a), bundle(a, b)])
    versions.push(
      (await aws.s3.send(new PutObjectCommand({ Bucket: "moto-ts", Key: "ts.pem", Body })))
        .VersionId!,
    );
  const { CertificateArn } = await aws.acm.send(
    new RequestCertificateCommand({ DomainName: MTLS }),
  );
  await aws.apiGateway.send(
    new CreateDomainNameCommand({
      domainName: MTLS,
      regionalCertificateArn: CertificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: "TLS_1_2",
      mutualTlsAuthentication: { truststoreUri: "s3://moto-ts/ts.pem" },
    }),
  );
  await aws.apiGateway.send(
    new CreateDomainNameCommand({
      domainName: EDGE,
      certificateArn: CertificateArn,
      endpointConfiguration: { types: ["EDGE"] },
    }),
  );
});
afterAll(async () => {
  for (const key of [...Object.keys(env), "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID"])
    delete process.env[key];
  delete process.env.AWS_SECRET_ACCESS_KEY;
  await moto?.stop();
});

describe("against moto", () => {
  it("a domain created with mTLS is unknown, never off; an EDGE domain cannot have it", async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const { rows } = await getOverview("us-east-1");
    const byName = Object.fromEntries(rows.map((r) => [r.domain.domainName, r.domain]));
    expect(byName[MTLS]).toMatchObject({ mtlsState: "unknown", securityPolicy: "TLS_1_2" });
    expect(byName[MTLS]!.mtls).toBeUndefined();
    expect(byName[EDGE]).toMatchObject({ mtlsState: "unavailable", endpointType: "EDGE" });
    // moto reports no policy for it: none is made up.
    expect(byName[EDGE]!.securityPolicy).toBeUndefined();
    expect(byName[EDGE]!.dnsTarget).toMatch(/\.cloudfront\.net$/);
  });

  it("changes to a domain whose mTLS moto cannot report say 'unknown', not 'off', and change nothing", async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const ref = {
      domainName: MTLS,
      region: "us-east-1",
      actor: "tester",
      expectedCurrentVersion: "",
    };
    // One after the other: each holds the domain's lock while it looks.
    for (const attempt of [
      () => activateVersion({ ...ref, versionId: versions[0]! }),
      () => disableMtls(ref),
    ]) {
      const error = await refusal(attempt());
      expect(error.code).toBe("mtls-unknown");
      expect(error.message).toContain("does not report whether mutual TLS is enabled");
      expect(error.message).not.toContain("is not enabled");
    }
  });

  it("API types are unknown on moto, with the reason, never 'none mapped'", async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const read = await apiTypesOf("us-east-1", [MTLS]);
    expect(read.pending).toEqual([]);
    expect(read.types[MTLS]).toEqual({
      unknown: expect.stringMatching(
        /^Not known on moto.*v2 lists no API mapping of a domain created through v1/,
      ),
    });
    const page = await overviewPage("us-east-1", parseOverviewQuery({ type: "NONE" }));
    expect(page.matching).toBe(0);
    expect(page.typesUnknown).toEqual({
      count: 2,
      reason: (read.types[MTLS] as { unknown: string }).unknown,
    });
  });

  it("a failed GetBasePathMappings costs the mappings section only", async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const detail = (await getDomainDetail(MTLS, "us-east-1"))!;
    expect(detail.serverCertificate.ok).toBe(true);
    expect(detail.history).toEqual({ ok: true, value: [] });
    expect(detail.mappings).toMatchObject({ ok: false, retryable: false });
    expect(detail.mappings.ok || detail.mappings.message).toMatch(/Trying again will not help/);
  });

  it("a truststore opened by its S3 URI: its versions, and a diff against the newest", async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const detail = (await getDomainDetail(MTLS, "us-east-1", " s3://moto-ts/ts.pem "))!;
    expect(detail.truststore).toMatchObject({
      opened: true,
      location: { bucket: "moto-ts", key: "ts.pem" },
    });
    const comparison = await compareWithActive({
      domainName: MTLS,
      region: "us-east-1",
      versionId: versions[0]!,
      truststoreUri: "s3://moto-ts/ts.pem",
    });
    expect(comparison.activeVersionId).toBe(versions[1]);
    expect(comparison.diff.removed.map((c) => c.subject)).toEqual(["CN=Moto Root B"]);
  });

  it("refuses the console's own store, non-URIs, and a URI on a domain that cannot have mTLS", async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const ask = (domainName: string, truststoreUri: string) =>
      refusal(
        compareWithActive({
          region: "us-east-1",
          domainName,
          versionId: versions[0]!,
          truststoreUri,
        }),
      );
    expect((await ask(MTLS, "s3://console-store/mtls-console/events/x")).message).toContain(
      "the console's own store",
    );
    expect((await ask(MTLS, "https://example.com/ts.pem")).message).toContain("Not an S3 URI");
    expect((await ask(MTLS, "s3://UPPER_case/ts.pem")).message).toContain("Not an S3 URI");
    expect((await ask(EDGE, "s3://moto-ts/ts.pem")).code).toBe("truststore-refused");
    const detail = (await getDomainDetail(MTLS, "us-east-1", "s3://console-store/x"))!;
    expect(detail.truststore).toMatchObject({ location: null, opened: true });
    expect(detail.truststore?.problem).toContain("the console's own store");
  });
});
