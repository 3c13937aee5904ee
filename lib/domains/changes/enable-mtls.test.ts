/**
 * Enabling mutual TLS on an existing domain, against the emulator through
 * the real SDK: on a domain created without it, and back after it was
 * disabled; every refusal is made before any UpdateDomainName.
 */
import { ImportCertificateCommand } from "@aws-sdk/client-acm";
import { GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import {
  plainDomain,
  privateKeyPem,
  seedMtlsDomain,
  unique,
  versionedBucket,
} from "../../../test-support/seed";
import { refusal } from "../../../test-support/failure";
import { bundle, chain, issue, type Issued } from "../../pki/generate";
import type { IntentFacts } from "../../records/intents";
import type { AuditEvent } from "../../records/audit";
import { checkEnableMtls, enableMtls, lastTruststoreUri } from "./enable-mtls";
import { disableMtls } from "./mutations";

const REGION = "us-east-1";
const t = suiteEmulator({ AUDIT_BUCKET: "mtls-console-audit" });
let pki: Issued[];

beforeAll(async () => {
  pki = await chain(2, { prefix: "Enable" });
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "mtls-console-audit" }));
});

const updates = async () =>
  (await t.control<{ counts: Record<string, number> }>("requests")).counts.UpdateDomainName ?? 0;
const mtlsOf = async (domainName: string) =>
  (await t.clients().apiGateway.send(new GetDomainNameCommand({ domainName })))
    .mutualTlsAuthentication;

/** A bucket (versioned unless told) holding one truststore version; its URI and version id. */
async function truststore(
  body: string,
  versioned = true,
): Promise<{ uri: string; versionId: string }> {
  const bucket = `ts-${unique("enable").toLowerCase()}`;
  if (versioned) await versionedBucket(t.clients(), bucket);
  else await t.clients().s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const put = await t
    .clients()
    .s3.send(new PutObjectCommand({ Bucket: bucket, Key: "truststore.pem", Body: body }));
  return { uri: `s3://${bucket}/truststore.pem`, versionId: put.VersionId ?? "null" };
}

/** A REGIONAL domain without mutual TLS, its certificate ACM-issued unless one is given. */
const plain = (options: Parameters<typeof plainDomain>[1] = {}) =>
  plainDomain(t.clients(), options);

const request = (domainName: string, uri: string, truststoreVersion: string) => ({
  domainName,
  region: REGION,
  actor: "erin@example.com",
  truststoreUri: uri,
  truststoreVersion,
  expectedState: "off" as const,
  confirmation: domainName,
});

describe("enabling mutual TLS", () => {
  it("turns it on for a domain created without it, pinned to the exact version, its intent written first", async () => {
    const domainName = await plain();
    const { uri, versionId } = await truststore(bundle(pki[0]!));
    const check = await checkEnableMtls({ domainName, region: REGION, truststoreUri: uri });
    expect(check.versions.map((v) => v.versionId)).toEqual([versionId]);
    expect(check.checks.find((c) => c.id === "truststore-file")?.ok).toBe(false);
    const picked = await checkEnableMtls({
      domainName,
      region: REGION,
      truststoreUri: uri,
      truststoreVersion: versionId,
    });
    expect(picked.ready).toBe(true);
    expect(picked.checks.map((c) => c.id)).toEqual([
      "endpoint",
      "status",
      "server-certificate",
      "ownership-certificate",
      "name-issuer",
      "truststore-bucket",
      "truststore-file",
    ]);

    const before = await updates();
    const intents: { facts: IntentFacts; updatesThen: number }[] = [];
    const change = {
      begin: async (facts: IntentFacts) =>
        void intents.push({ facts, updatesThen: await updates() }),
    };
    const result = await enableMtls({ ...request(domainName, uri, versionId), change });
    expect(intents).toEqual([
      {
        facts: {
          domainName,
          region: REGION,
          toVersion: versionId,
          message: `enable mutual TLS with ${uri}`,
        },
        updatesThen: before,
      },
    ]);
    expect(await updates()).toBe(before + 1);
    expect(result).toMatchObject({ truststoreUri: uri, truststoreVersion: versionId });
    expect(result.domain.mtlsState).toBe("on");
    expect(await mtlsOf(domainName)).toMatchObject({
      truststoreUri: uri,
      truststoreVersion: versionId,
    });
  });

  it("brings it back after it was disabled, at the version picked", async () => {
    const seeded = await seedMtlsDomain(t.clients(), {
      versions: [bundle(pki[0]!), bundle(pki[0]!, pki[1]!)],
      prefix: "reenable",
    });
    const uri = `s3://${seeded.bucket}/${seeded.key}`;
    const disabled = await disableMtls({
      domainName: seeded.domainName,
      region: REGION,
      actor: "erin@example.com",
      expectedCurrentVersion: seeded.versionIds[1]!,
    });
    // What the disable's audit record keeps, for the enable dialog to start from.
    expect(disabled.previousTruststoreUri).toBe(uri);
    expect(await mtlsOf(seeded.domainName)).toBeUndefined();
    const check = await checkEnableMtls({
      domainName: seeded.domainName,
      region: REGION,
      truststoreUri: uri,
    });
    expect(check.versions.map((v) => v.versionId)).toEqual([...seeded.versionIds].reverse());
    await enableMtls(request(seeded.domainName, uri, seeded.versionIds[0]!));
    expect(await mtlsOf(seeded.domainName)).toMatchObject({
      truststoreUri: uri,
      truststoreVersion: seeded.versionIds[0],
    });
  });
});

describe("enabling mutual TLS refuses, before any UpdateDomainName", () => {
  /** The refusal's code, and the ids of the prerequisites that failed; no update was sent. */
  async function refused(call: () => Promise<unknown>) {
    const before = await updates();
    const error = await refusal(call());
    expect(await updates()).toBe(before);
    return { code: error.code, failed: error.details?.failed, message: error.message };
  }

  it("when mutual TLS is on already (the state the user saw changed)", async () => {
    const seeded = await seedMtlsDomain(t.clients(), {
      versions: [bundle(pki[0]!)],
      prefix: "already",
    });
    const uri = `s3://${seeded.bucket}/${seeded.key}`;
    const error = await refused(() =>
      enableMtls(request(seeded.domainName, uri, seeded.versionIds[0]!)),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("already on");
    expect(error.message).toContain("Nothing was changed");
    expect(
      (await refusal(checkEnableMtls({ ...seeded, region: REGION, truststoreUri: uri }))).code,
    ).toBe("conflict");
  });

  it("when the domain name typed does not match", async () => {
    const domainName = await plain();
    const { uri, versionId } = await truststore(bundle(pki[0]!));
    const error = await refused(() =>
      enableMtls({ ...request(domainName, uri, versionId), confirmation: "other.example" }),
    );
    expect(error.code).toBe("lockout-unconfirmed");
    expect(await mtlsOf(domainName)).toBeUndefined();
  });

  it("when the bucket is not versioned", async () => {
    const domainName = await plain();
    const { uri, versionId } = await truststore(bundle(pki[0]!), false);
    const error = await refused(() => enableMtls(request(domainName, uri, versionId)));
    expect(error).toMatchObject({
      code: "prerequisite-unmet",
      failed: ["truststore-bucket", "truststore-file"],
    });
    expect(error.message).toContain("is not versioned");
  });

  it("when the engine's rules reject the file, or the version does not exist", async () => {
    const domainName = await plain();
    const { uri, versionId } = await truststore(
      `${pki[0]!.pem}\n${await privateKeyPem(pki[0]!.keys)}`,
    );
    const check = await checkEnableMtls({
      domainName,
      region: REGION,
      truststoreUri: uri,
      truststoreVersion: versionId,
    });
    expect(check.ready).toBe(false);
    expect(check.findings.some((f) => f.rule === "private-key" && f.severity === "error")).toBe(
      true,
    );
    const rejected = await refused(() => enableMtls(request(domainName, uri, versionId)));
    expect(rejected).toMatchObject({ code: "prerequisite-unmet", failed: ["truststore-file"] });
    expect(rejected.message).not.toContain("BEGIN PRIVATE KEY");
    const missing = await refused(() => enableMtls(request(domainName, uri, "no-such-version")));
    expect(missing).toMatchObject({ code: "prerequisite-unmet", failed: ["truststore-file"] });
    expect(missing.message).toContain("cannot be read");
  });

  it("when the domain has a TLS 1.3 enhanced security policy", async () => {
    const domainName = await plain({ securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" });
    const { uri, versionId } = await truststore(bundle(pki[0]!));
    const error = await refused(() => enableMtls(request(domainName, uri, versionId)));
    expect(error).toMatchObject({ code: "prerequisite-unmet", failed: ["endpoint"] });
    expect(error.message).toContain("enhanced policies cannot be combined with mutual TLS");
  });

  it("when an imported server certificate has no ownership verification certificate", async () => {
    const name = `${unique("imported")}.test.example`;
    const server = await issue({
      subject: `CN=${name}`,
      issuer: pki[0]!,
      ca: false,
      sans: [name],
      usage: "server",
    });
    const imported = await t.clients().acm.send(
      new ImportCertificateCommand({
        Certificate: Buffer.from(server.pem),
        PrivateKey: Buffer.from(await privateKeyPem(server.keys)),
        CertificateChain: Buffer.from(pki[0]!.pem),
      }),
    );
    const domainName = await plain({
      domainName: name,
      certificateArn: imported.CertificateArn!,
    });
    const { uri, versionId } = await truststore(bundle(pki[0]!));
    const error = await refused(() => enableMtls(request(domainName, uri, versionId)));
    expect(error).toMatchObject({ code: "prerequisite-unmet", failed: ["ownership-certificate"] });
    expect(error.message).toContain("Missing ownershipVerificationCertificate");
  });

  it("while the domain is being updated", async () => {
    const domainName = await plain();
    const { uri, versionId } = await truststore(bundle(pki[0]!));
    await t.control(`domains/${domainName}/status`, { status: "UPDATING" });
    const error = await refused(() => enableMtls(request(domainName, uri, versionId)));
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("UPDATING");
  });
});

describe("the truststore the domain had last", () => {
  const event = (action: string, result: AuditEvent["result"], message?: string): AuditEvent => ({
    id: action,
    at: "2025-01-01T00:00:00.000Z",
    user: "erin",
    role: "operator",
    action,
    domainName: "a.example",
    region: REGION,
    result,
    ...(message ? { message } : {}),
  });

  it("is the newest URI an enable or a disable recorded, successes only", () => {
    expect(
      lastTruststoreUri([
        event("activate-truststore-version", "success", "s3://not/this.pem"),
        event("enable-mutual-tls", "refused", "s3://nor/this.pem"),
        event("disable-mutual-tls", "success", "disabled; the truststore was s3://b/ts.pem"),
        event("enable-mutual-tls", "success", "enabled with s3://older/ts.pem"),
      ]),
    ).toBe("s3://b/ts.pem");
    expect(lastTruststoreUri([event("disable-mutual-tls", "success")])).toBeUndefined();
  });
});
