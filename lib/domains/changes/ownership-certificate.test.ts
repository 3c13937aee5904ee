/**
 * Fixing PENDING_OWNERSHIP_VERIFICATION against the emulator through the
 * real SDK: the certificates that would do are listed (and why the others
 * would not), a replacement carries the certificate the page showed, and
 * every refusal comes before any UpdateDomainName.
 */
import {
  DeleteCertificateCommand,
  ImportCertificateCommand,
  RequestCertificateCommand,
} from "@aws-sdk/client-acm";
import { CreateDomainNameCommand, GetDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { bundle, issue } from "../../pki/generate";
import { refusal } from "../../../test-support/failure";
import { privateKeyPem, seedMtlsDomain } from "../../../test-support/seed";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { ownershipChoices, replaceOwnershipCertificate } from "./ownership-certificate";

const t = suiteEmulator({ AUDIT_BUCKET: "owner-audit" });
const DOMAIN = "owned.test.example";
const REGION = "us-east-1";
let original = "";
let fresh = "";
let elsewhere = "";

const updates = async () =>
  (await t.control<{ counts: Record<string, number> }>("requests")).counts.UpdateDomainName ?? 0;
const request = async (name: string) =>
  (await t.clients().acm.send(new RequestCertificateCommand({ DomainName: name }))).CertificateArn!;

beforeAll(async () => {
  const { acm, apiGateway, s3 } = t.clients();
  await s3.send(new CreateBucketCommand({ Bucket: "owner-audit" }));
  const root = await issue({ subject: "CN=Owned Root" });
  const other = await seedMtlsDomain(t.clients(), {
    versions: [bundle(root)],
    prefix: "owned-other",
  });
  elsewhere = other.certificateArn;
  const leaf = await issue({
    subject: `CN=${DOMAIN}`,
    sans: [DOMAIN],
    ca: false,
    key: { rsa: 2048 },
  });
  const server = (
    await acm.send(
      new ImportCertificateCommand({
        Certificate: Buffer.from(leaf.pem),
        PrivateKey: Buffer.from(await privateKeyPem(leaf.keys)),
      }),
    )
  ).CertificateArn!;
  original = await request(DOMAIN);
  fresh = await request(DOMAIN);
  await apiGateway.send(
    new CreateDomainNameCommand({
      domainName: DOMAIN,
      regionalCertificateArn: server,
      ownershipVerificationCertificateArn: original,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: "TLS_1_2",
      mutualTlsAuthentication: {
        truststoreUri: `s3://${other.bucket}/${other.key}`,
        truststoreVersion: other.versionIds[0],
      },
    }),
  );
  // The ownership certificate is gone and ACM could not renew it: AWS locks the domain.
  await acm.send(new DeleteCertificateCommand({ CertificateArn: original })).catch(() => undefined);
  await t.control(`domains/${DOMAIN}/status`, {
    region: REGION,
    status: "PENDING_OWNERSHIP_VERIFICATION",
    message: "The ownership verification certificate expired and could not be renewed.",
  });
});

describe("the ownership verification certificate", () => {
  it("lists what would do, and why the rest would not", async () => {
    const listed = await ownershipChoices({ domainName: DOMAIN, region: REGION });
    expect(listed.why).toContain("imported");
    expect(listed.current).toBe(original);
    expect(listed.choices.find((c) => c.arn === fresh)?.problem).toBeNull();
    // Certificates for other names cannot prove this one: not listed at all.
    expect(listed.choices.find((c) => c.arn === elsewhere)).toBeUndefined();
    expect(listed.choices.every((c) => c.domainName === DOMAIN)).toBe(true);
  });

  it("refuses a stale page and a certificate that cannot prove the name, before any update", async () => {
    const before = await updates();
    const stale = await refusal(
      replaceOwnershipCertificate({
        domainName: DOMAIN,
        region: REGION,
        actor: "ann",
        certificateArn: fresh,
        expectedCurrent: "",
      }),
    );
    expect([stale.code, stale.message]).toEqual([
      "conflict",
      expect.stringContaining("changed since this page was loaded"),
    ]);
    const wrong = await refusal(
      replaceOwnershipCertificate({
        domainName: DOMAIN,
        region: REGION,
        actor: "ann",
        certificateArn: await request("someone-else.test.example"),
        expectedCurrent: original,
      }),
    );
    expect([wrong.code, wrong.message]).toEqual([
      "prerequisite-unmet",
      expect.stringContaining("does not cover owned.test.example"),
    ]);
    expect(await updates()).toBe(before);
  });

  it("replaces it while the domain is locked for everything else, and the domain is available again", async () => {
    const before = await updates();
    const done = await replaceOwnershipCertificate({
      domainName: DOMAIN,
      region: REGION,
      actor: "ann",
      certificateArn: fresh,
      expectedCurrent: original,
    });
    expect(done.previous).toBe(original);
    expect(await updates()).toBe(before + 1);
    const now = await t.clients().apiGateway.send(new GetDomainNameCommand({ domainName: DOMAIN }));
    expect([now.ownershipVerificationCertificateArn, now.domainNameStatus]).toEqual([
      fresh,
      "AVAILABLE",
    ]);
  });
});
