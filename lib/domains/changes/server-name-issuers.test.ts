/**
 * One issuer per name among a region's mTLS domains, against the emulator
 * through the real SDK: an imported certificate naming another mTLS
 * domain's name (issued there by ACM) conflicts; an ACM one does not.
 */
import { ImportCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { describe, expect, it } from "vitest";
import { describeCertificate } from "../../aws/acm";
import { bundle, issue } from "../../pki/generate";
import { privateKeyPem, seedMtlsDomain } from "../../../test-support/seed";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { checkPrerequisites } from "../create/domain-prerequisites";
import { serverNameConflicts } from "./server-name-issuers";

const t = suiteEmulator({ AUDIT_BUCKET: "names-audit" });

describe("one issuer per name", () => {
  it("names another mTLS domain's name from another issuer, and not the same issuer's", async () => {
    const root = await issue({ subject: "CN=Names Root" });
    const a = await seedMtlsDomain(t.clients(), { versions: [bundle(root)], prefix: "names-a" });
    const leaf = await issue({
      subject: "CN=names-b.test.example",
      sans: ["names-b.test.example", a.domainName],
      ca: false,
      key: { rsa: 2048 },
    });
    const imported = (
      await t.clients().acm.send(
        new ImportCertificateCommand({
          Certificate: Buffer.from(leaf.pem),
          PrivateKey: Buffer.from(await privateKeyPem(leaf.keys)),
        }),
      )
    ).CertificateArn!;
    const server = (await describeCertificate(imported, "us-east-1"))!;
    const { conflicts } = await serverNameConflicts(server, "names-b.test.example", "us-east-1");
    expect(conflicts).toEqual([
      {
        name: a.domainName,
        issuer: server.issuer,
        otherDomain: a.domainName,
        otherIssuer: (await describeCertificate(a.certificateArn, "us-east-1"))!.issuer,
      },
    ]);

    const plan = await checkPrerequisites(
      {
        domainName: "names-b.test.example",
        certificateArn: imported,
        truststoreUri: `s3://${a.bucket}/${a.key}`,
        truststoreVersion: a.versionIds[0],
      },
      "us-east-1",
    );
    const check = plan.checks.find((c) => c.id === "name-issuer")!;
    expect(check.ok).toBe(false);
    expect(check.message).toContain(`${a.domainName} is issued by`);
    expect(plan.ready).toBe(false);

    const fromAcm = (
      await t.clients().acm.send(
        new RequestCertificateCommand({
          DomainName: "names-c.test.example",
          SubjectAlternativeNames: [a.domainName],
        }),
      )
    ).CertificateArn!;
    const same = (await describeCertificate(fromAcm, "us-east-1"))!;
    expect(
      (await serverNameConflicts(same, "names-c.test.example", "us-east-1")).conflicts,
    ).toEqual([]);
  });
});
