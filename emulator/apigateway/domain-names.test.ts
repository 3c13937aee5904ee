/**
 * CreateDomainName and GetDomainName with mutual TLS, through the real SDK:
 * AWS's validations, wire fields and truststore warnings.
 */
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand, GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";

import { privateKeyPem } from "../../test-support/seed";
import { errorOf } from "../../test-support/failure";

import { URI, apiGatewayWorld } from "../../test-support/api-gateway-world";

const w = apiGatewayWorld();

describe("CreateDomainName with mutual TLS", () => {
  it("creates an mTLS domain and returns the wire fields, with no warnings for a sound truststore", async () => {
    const { apiGateway } = w.t.clients();
    const created = await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "good.test.example",
        regionalCertificateArn: w.amazonCert,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: { truststoreUri: URI, truststoreVersion: w.goodVersion },
        tags: { team: "a" },
      }),
    );
    expect(created).toMatchObject({
      domainName: "good.test.example",
      domainNameArn: "arn:aws:apigateway:us-east-1::/domainnames/good.test.example",
      regionalCertificateArn: w.amazonCert,
      endpointConfiguration: { types: ["REGIONAL"] },
      domainNameStatus: "AVAILABLE",
      securityPolicy: "TLS_1_2",
      mutualTlsAuthentication: {
        truststoreUri: URI,
        truststoreVersion: w.goodVersion,
        truststoreWarnings: [],
      },
      tags: { team: "a" },
    });
    expect(created.regionalDomainName).toMatch(
      /^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/,
    );
    expect(created.certificateUploadDate).toBeInstanceOf(Date);
  });

  it("fills truststoreWarnings from the truststore rules, naming rule and subject", async () => {
    const { apiGateway } = w.t.clients();
    const created = await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "warned.test.example",
        regionalCertificateArn: w.amazonCert,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: { truststoreUri: URI, truststoreVersion: w.badVersion },
      }),
    );
    const warnings = created.mutualTlsAuthentication!.truststoreWarnings!;
    expect(warnings).toHaveLength(2);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^signature: "CN=Emu Intermediate 1, O=Example"/),
        expect.stringMatching(/^weak-hash: "CN=Emu SHA1 Root"/),
      ]),
    );
    // Without a version: the latest one is used and reported.
    const latest = await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "latest.test.example",
        regionalCertificateArn: w.amazonCert,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: { truststoreUri: URI },
      }),
    );
    expect(latest.mutualTlsAuthentication?.truststoreVersion).toBe(w.badVersion);
  });

  it("refuses what AWS refuses, with AWS's error codes", async () => {
    const { apiGateway, s3 } = w.t.clients();
    const base = {
      regionalCertificateArn: w.amazonCert,
      endpointConfiguration: { types: ["REGIONAL" as const] },
      securityPolicy: "TLS_1_2" as const,
    };
    const mtls = { truststoreUri: URI, truststoreVersion: w.goodVersion };
    const cases: [
      string,
      ConstructorParameters<typeof CreateDomainNameCommand>[0],
      string,
      number,
      RegExp,
    ][] = [
      [
        "existing name",
        { ...base, domainName: "good.test.example" },
        "ConflictException",
        409,
        /already exists/,
      ],
      [
        "mTLS on EDGE",
        {
          ...base,
          domainName: "e.test.example",
          endpointConfiguration: { types: ["EDGE"] },
          mutualTlsAuthentication: mtls,
        },
        "BadRequestException",
        400,
        /REGIONAL/,
      ],
      [
        "enhanced policy",
        {
          ...base,
          domainName: "p.test.example",
          securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" as never,
          mutualTlsAuthentication: mtls,
        },
        "BadRequestException",
        400,
        /TLS_1_2/,
      ],
      [
        "unknown certificate",
        {
          ...base,
          domainName: "c.test.example",
          regionalCertificateArn: "arn:aws:acm:us-east-1:000000000000:certificate/nope",
        },
        "BadRequestException",
        400,
        /not found/,
      ],
      [
        "missing object",
        {
          ...base,
          domainName: "o.test.example",
          mutualTlsAuthentication: { truststoreUri: "s3://truststores/missing.pem" },
        },
        "BadRequestException",
        400,
        /object does not exist/,
      ],
      [
        "missing version",
        {
          ...base,
          domainName: "v.test.example",
          mutualTlsAuthentication: {
            truststoreUri: URI,
            truststoreVersion: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
          },
        },
        "BadRequestException",
        400,
        /version does not exist/,
      ],
      [
        "imported cert without ownership",
        {
          ...base,
          domainName: "i.test.example",
          regionalCertificateArn: w.importedCert,
          mutualTlsAuthentication: mtls,
        },
        "BadRequestException",
        400,
        /^Missing ownershipVerificationCertificate\.$/,
      ],
      [
        "ownership not AMAZON_ISSUED",
        {
          ...base,
          domainName: "j.test.example",
          regionalCertificateArn: w.importedCert,
          ownershipVerificationCertificateArn: w.importedCert,
          mutualTlsAuthentication: mtls,
        },
        "BadRequestException",
        400,
        /AMAZON_ISSUED/,
      ],
    ];
    for (const [name, input, code, status, message] of cases) {
      const err = await errorOf(apiGateway.send(new CreateDomainNameCommand(input)));
      expect([err.name, err.status], name).toEqual([code, status]);
      expect(err.message, name).toMatch(message);
    }
    // A truststore the engine refuses (a private key in it) fails the call.
    const keyed = await s3.send(
      new PutObjectCommand({
        Bucket: "truststores",
        Key: "keyed.pem",
        Body: `${w.pki[0]!.pem}\n${await privateKeyPem(w.pki[0]!.keys)}`,
      }),
    );
    const err = await errorOf(
      apiGateway.send(
        new CreateDomainNameCommand({
          ...base,
          domainName: "k.test.example",
          mutualTlsAuthentication: {
            truststoreUri: "s3://truststores/keyed.pem",
            truststoreVersion: keyed.VersionId,
          },
        }),
      ),
    );
    expect(err.message).toContain("private-key");
    expect(err.message).not.toContain("BEGIN PRIVATE KEY");
    // With an ownership certificate from ACM, the imported certificate works.
    const ok = await apiGateway.send(
      new CreateDomainNameCommand({
        ...base,
        domainName: "imported.test.example",
        regionalCertificateArn: w.importedCert,
        ownershipVerificationCertificateArn: w.amazonCert,
        mutualTlsAuthentication: mtls,
      }),
    );
    expect(ok.ownershipVerificationCertificateArn).toBe(w.amazonCert);
  });

  it("an ownership certificate must be ISSUED on create too, its status settled without an ACM read", async () => {
    const { acm, apiGateway } = w.t.clients();
    await w.t.control("config", { issueDelayMs: 60_000 });
    try {
      const pending = (
        await acm.send(new RequestCertificateCommand({ DomainName: "pending-owner.test.example" }))
      ).CertificateArn!;
      const create = () =>
        apiGateway.send(
          new CreateDomainNameCommand({
            domainName: "pending-owner.test.example",
            regionalCertificateArn: w.importedCert,
            ownershipVerificationCertificateArn: pending,
            endpointConfiguration: { types: ["REGIONAL"] },
            securityPolicy: "TLS_1_2",
            mutualTlsAuthentication: { truststoreUri: URI, truststoreVersion: w.goodVersion },
          }),
        );
      const refused = await errorOf(create());
      expect([refused.name, refused.message]).toEqual([
        "BadRequestException",
        `The ownership verification certificate ${pending} is not valid (PENDING_VALIDATION).`,
      ]);
      // Issued once the clock passes the delay: nothing reads ACM in between.
      await w.t.control("clock", { advanceSeconds: 61 });
      expect((await create()).ownershipVerificationCertificateArn).toBe(pending);
    } finally {
      await w.t.control("clock", { reset: true });
      await w.t.control("config", { issueDelayMs: 0 });
    }
  });

  it("GetDomainName of an unknown name is NotFoundException", async () => {
    const err = await errorOf(
      w.t.clients().apiGateway.send(new GetDomainNameCommand({ domainName: "nope.test.example" })),
    );
    expect([err.name, err.status]).toEqual(["NotFoundException", 404]);
  });
});

describe("CreateDomainName for an edge-optimized domain", () => {
  it("answers as AWS does: certificateArn and a CloudFront distribution, no regional fields", async () => {
    const { apiGateway } = w.t.clients();
    const created = await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "edge.test.example",
        certificateArn: w.amazonCert,
        endpointConfiguration: { types: ["EDGE"] },
      }),
    );
    expect(created).toMatchObject({
      certificateArn: w.amazonCert,
      endpointConfiguration: { types: ["EDGE"] },
      distributionHostedZoneId: "Z2FDTNDATAQYW2",
    });
    expect(created.distributionDomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
    expect(created.regionalDomainName).toBeUndefined();
    expect(created.regionalCertificateArn).toBeUndefined();
    const read = await apiGateway.send(
      new GetDomainNameCommand({ domainName: "edge.test.example" }),
    );
    expect(read.distributionDomainName).toBe(created.distributionDomainName);
  });
});
