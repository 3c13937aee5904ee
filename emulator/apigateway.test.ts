/**
 * API Gateway domain names with mutual TLS, through the real SDK v3 client:
 * create/update validations, truststore warnings, UPDATING, paging, base
 * path mappings and REST APIs.
 */
import {
  CreateBasePathMappingCommand,
  CreateDomainNameCommand,
  CreateRestApiCommand,
  DeleteDomainNameCommand,
  GetBasePathMappingsCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
  GetRestApiCommand,
  UpdateDomainNameCommand,
  UpdateRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import { ImportCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, chain, issue, tamperSignature, type Issued } from "../lib/pki/generate";
import { privateKeyPem, startTestEmulator, type TestEmulator, errorOf } from "./test-support";

let t: TestEmulator;
let amazonCert: string;
let importedCert: string;
let pki: Issued[];
let goodVersion: string;
let badVersion: string;
const URI = "s3://truststores/api/truststore.pem";

beforeAll(async () => {
  t = await startTestEmulator();
  const { acm, s3 } = t.clients();
  amazonCert = (await acm.send(new RequestCertificateCommand({ DomainName: "*.test.example" })))
    .CertificateArn!;
  const server = await issue({
    subject: "CN=imported.test.example",
    ca: false,
    sans: ["imported.test.example"],
  });
  importedCert = (
    await acm.send(
      new ImportCertificateCommand({
        Certificate: Buffer.from(server.pem),
        PrivateKey: Buffer.from(await privateKeyPem(server.keys)),
      }),
    )
  ).CertificateArn!;
  pki = await chain(3, { prefix: "Emu" });
  await s3.send(new CreateBucketCommand({ Bucket: "truststores" }));
  await s3.send(
    new PutBucketVersioningCommand({
      Bucket: "truststores",
      VersioningConfiguration: { Status: "Enabled" },
    }),
  );
  goodVersion = (
    await s3.send(
      new PutObjectCommand({
        Bucket: "truststores",
        Key: "api/truststore.pem",
        Body: bundle(pki[0]!, pki[1]!),
      }),
    )
  ).VersionId!;
  const sha1 = await issue({ subject: "CN=Emu SHA1 Root", hash: "SHA-1" });
  badVersion = (
    await s3.send(
      new PutObjectCommand({
        Bucket: "truststores",
        Key: "api/truststore.pem",
        Body: bundle(pki[0]!, tamperSignature(pki[1]!), sha1),
      }),
    )
  ).VersionId!;
});
afterAll(() => t.stop());

describe("CreateDomainName with mutual TLS", () => {
  it("creates an mTLS domain and returns the wire fields, with no warnings for a sound truststore", async () => {
    const { apiGateway } = t.clients();
    const created = await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "good.test.example",
        regionalCertificateArn: amazonCert,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: { truststoreUri: URI, truststoreVersion: goodVersion },
        tags: { team: "a" },
      }),
    );
    expect(created).toMatchObject({
      domainName: "good.test.example",
      domainNameArn: "arn:aws:apigateway:us-east-1::/domainnames/good.test.example",
      regionalCertificateArn: amazonCert,
      endpointConfiguration: { types: ["REGIONAL"] },
      domainNameStatus: "AVAILABLE",
      securityPolicy: "TLS_1_2",
      mutualTlsAuthentication: {
        truststoreUri: URI,
        truststoreVersion: goodVersion,
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
    const { apiGateway } = t.clients();
    const created = await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "warned.test.example",
        regionalCertificateArn: amazonCert,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: { truststoreUri: URI, truststoreVersion: badVersion },
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
        regionalCertificateArn: amazonCert,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: { truststoreUri: URI },
      }),
    );
    expect(latest.mutualTlsAuthentication?.truststoreVersion).toBe(badVersion);
  });

  it("refuses what AWS refuses, with AWS's error codes", async () => {
    const { apiGateway, s3 } = t.clients();
    const base = {
      regionalCertificateArn: amazonCert,
      endpointConfiguration: { types: ["REGIONAL" as const] },
      securityPolicy: "TLS_1_2" as const,
    };
    const mtls = { truststoreUri: URI, truststoreVersion: goodVersion };
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
          regionalCertificateArn: importedCert,
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
          regionalCertificateArn: importedCert,
          ownershipVerificationCertificateArn: importedCert,
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
        Body: `${pki[0]!.pem}\n${await privateKeyPem(pki[0]!.keys)}`,
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
        regionalCertificateArn: importedCert,
        ownershipVerificationCertificateArn: amazonCert,
        mutualTlsAuthentication: mtls,
      }),
    );
    expect(ok.ownershipVerificationCertificateArn).toBe(amazonCert);
  });

  it("GetDomainName of an unknown name is NotFoundException", async () => {
    const err = await errorOf(
      t.clients().apiGateway.send(new GetDomainNameCommand({ domainName: "nope.test.example" })),
    );
    expect([err.name, err.status]).toEqual(["NotFoundException", 404]);
  });
});

describe("UpdateDomainName", () => {
  it("switches truststoreVersion and recomputes the warnings", async () => {
    const { apiGateway } = t.clients();
    const updated = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "good.test.example",
        patchOperations: [
          { op: "replace", path: "/mutualTlsAuthentication/truststoreVersion", value: badVersion },
        ],
      }),
    );
    expect(updated.mutualTlsAuthentication?.truststoreVersion).toBe(badVersion);
    expect(updated.mutualTlsAuthentication?.truststoreWarnings).toHaveLength(2);
    const back = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "good.test.example",
        patchOperations: [
          { op: "replace", path: "/mutualTlsAuthentication/truststoreVersion", value: goodVersion },
        ],
      }),
    );
    expect(back.mutualTlsAuthentication).toEqual({
      truststoreUri: URI,
      truststoreVersion: goodVersion,
      truststoreWarnings: [],
    });
    const read = await apiGateway.send(
      new GetDomainNameCommand({ domainName: "good.test.example" }),
    );
    expect(read.mutualTlsAuthentication?.truststoreVersion).toBe(goodVersion);
  });

  it("refuses unknown patch paths and versions that do not exist, changing nothing", async () => {
    const { apiGateway } = t.clients();
    const bad = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "good.test.example",
          patchOperations: [{ op: "replace", path: "/mutualTlsAuthentication/nope", value: "x" }],
        }),
      ),
    );
    expect([bad.name, bad.status]).toEqual(["BadRequestException", 400]);
    expect(bad.message).toContain("Invalid patch path");
    const noVersion = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "good.test.example",
          patchOperations: [
            {
              op: "replace",
              path: "/mutualTlsAuthentication/truststoreVersion",
              value: "0000000000000000000000000000dead",
            },
          ],
        }),
      ),
    );
    expect(noVersion.name).toBe("BadRequestException");
    const read = await apiGateway.send(
      new GetDomainNameCommand({ domainName: "good.test.example" }),
    );
    expect(read.mutualTlsAuthentication?.truststoreVersion).toBe(goodVersion);
    const unknown = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "nope.test.example",
          patchOperations: [{ op: "replace", path: "/securityPolicy", value: "TLS_1_2" }],
        }),
      ),
    );
    expect(unknown.name).toBe("NotFoundException");
  });

  it("UPDATING refuses a second update until it settles on the emulator clock", async () => {
    const { apiGateway } = t.clients();
    await t.control("config", { updatingMs: 30_000 });
    const first = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "good.test.example",
        patchOperations: [
          { op: "replace", path: "/mutualTlsAuthentication/truststoreVersion", value: badVersion },
        ],
      }),
    );
    expect(first.domainNameStatus).toBe("UPDATING");
    const second = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "good.test.example",
          patchOperations: [
            {
              op: "replace",
              path: "/mutualTlsAuthentication/truststoreVersion",
              value: goodVersion,
            },
          ],
        }),
      ),
    );
    expect([second.name, second.status]).toEqual(["ConflictException", 409]);
    await t.control("clock", { advanceSeconds: 31 });
    expect(
      (await apiGateway.send(new GetDomainNameCommand({ domainName: "good.test.example" })))
        .domainNameStatus,
    ).toBe("AVAILABLE");
    await t.control("clock", { reset: true });
    await t.control("config", { updatingMs: 0 });
  });

  it("disables mTLS by replacing truststoreUri with ''", async () => {
    const { apiGateway } = t.clients();
    const updated = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "latest.test.example",
        patchOperations: [
          { op: "replace", path: "/mutualTlsAuthentication/truststoreUri", value: "" },
        ],
      }),
    );
    expect(updated.mutualTlsAuthentication).toBeUndefined();
  });

  it("a domain in PENDING_OWNERSHIP_VERIFICATION only accepts a new ownership certificate", async () => {
    const { apiGateway } = t.clients();
    await t.control("domains/imported.test.example/status", {
      status: "PENDING_OWNERSHIP_VERIFICATION",
      message: "expired",
    });
    const locked = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "imported.test.example",
          patchOperations: [{ op: "replace", path: "/securityPolicy", value: "TLS_1_2" }],
        }),
      ),
    );
    expect(locked.message).toContain("locked");
    const fixed = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "imported.test.example",
        patchOperations: [
          { op: "replace", path: "/ownershipVerificationCertificateArn", value: amazonCert },
        ],
      }),
    );
    expect(fixed.domainNameStatus).toBe("AVAILABLE");
  });
});

describe("paging, mappings and REST APIs", () => {
  it("pages over 1,200 domains with limit 500 and refuses limit 501", async () => {
    const { apiGateway } = t.clients("eu-central-1");
    await t.control("seed", { bulkDomains: 1200, region: "eu-central-1" });
    const names: string[] = [];
    let position: string | undefined;
    let pages = 0;
    do {
      const page = await apiGateway.send(new GetDomainNamesCommand({ limit: 500, position }));
      names.push(...(page.items ?? []).map((d) => d.domainName!));
      position = page.position;
      pages++;
    } while (position);
    expect(pages).toBe(3);
    expect(names).toHaveLength(1200);
    expect(new Set(names).size).toBe(1200);
    expect((await apiGateway.send(new GetDomainNamesCommand({}))).items).toHaveLength(25);
    const err = await errorOf(apiGateway.send(new GetDomainNamesCommand({ limit: 501 })));
    expect(err.name).toBe("BadRequestException");
  });

  it("base path mappings and the default execute-api endpoint switch", async () => {
    const { apiGateway } = t.clients();
    const api = await apiGateway.send(
      new CreateRestApiCommand({ name: "orders", endpointConfiguration: { types: ["REGIONAL"] } }),
    );
    expect(api.disableExecuteApiEndpoint).toBe(false);
    await apiGateway.send(
      new CreateBasePathMappingCommand({
        domainName: "good.test.example",
        restApiId: api.id,
        stage: "prod",
      }),
    );
    await apiGateway.send(
      new CreateBasePathMappingCommand({
        domainName: "good.test.example",
        restApiId: api.id,
        basePath: "v2",
        stage: "prod",
      }),
    );
    const mappings = await apiGateway.send(
      new GetBasePathMappingsCommand({ domainName: "good.test.example" }),
    );
    expect(mappings.items).toEqual([
      { basePath: "(none)", restApiId: api.id, stage: "prod" },
      { basePath: "v2", restApiId: api.id, stage: "prod" },
    ]);
    const dup = await errorOf(
      apiGateway.send(
        new CreateBasePathMappingCommand({
          domainName: "good.test.example",
          restApiId: api.id,
          basePath: "v2",
        }),
      ),
    );
    expect(dup.name).toBe("ConflictException");
    const updated = await apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [{ op: "replace", path: "/disableExecuteApiEndpoint", value: "true" }],
      }),
    );
    expect(updated.disableExecuteApiEndpoint).toBe(true);
    expect(
      (await apiGateway.send(new GetRestApiCommand({ restApiId: api.id })))
        .disableExecuteApiEndpoint,
    ).toBe(true);
    await apiGateway.send(new DeleteDomainNameCommand({ domainName: "good.test.example" }));
    expect(
      (
        await errorOf(
          apiGateway.send(new GetBasePathMappingsCommand({ domainName: "good.test.example" })),
        )
      ).name,
    ).toBe("NotFoundException");
  });
});
