/**
 * The API Gateway tests' shared world: an emulator with an ACM-issued and an
 * imported certificate, and a versioned truststore bucket holding a good
 * version and one with a bad signature and a SHA-1 root.
 */
import { ImportCertificateCommand, RequestCertificateCommand } from "@aws-sdk/client-acm";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll } from "vitest";
import { bundle, chain, issue, tamperSignature, type Issued } from "../lib/pki/generate";
import { privateKeyPem, versionedBucket } from "./seed";
import { startTestEmulator, type TestEmulator } from "./emulator";
import { CreateDomainNameCommand } from "@aws-sdk/client-api-gateway";

export const URI = "s3://truststores/api/truststore.pem";

export interface ApiGatewayWorld {
  t: TestEmulator;
  amazonCert: string;
  importedCert: string;
  pki: Issued[];
  goodVersion: string;
  badVersion: string;
}

/** Registers the suite's setup and teardown; the fields are filled before the first test. */
export function apiGatewayWorld(): ApiGatewayWorld {
  const w = {} as ApiGatewayWorld;
  beforeAll(async () => {
    w.t = await startTestEmulator();
    const { acm, s3 } = w.t.clients();
    w.amazonCert = (
      await acm.send(new RequestCertificateCommand({ DomainName: "*.test.example" }))
    ).CertificateArn!;
    const server = await issue({
      subject: "CN=imported.test.example",
      ca: false,
      sans: ["imported.test.example"],
    });
    w.importedCert = (
      await acm.send(
        new ImportCertificateCommand({
          Certificate: Buffer.from(server.pem),
          PrivateKey: Buffer.from(await privateKeyPem(server.keys)),
        }),
      )
    ).CertificateArn!;
    w.pki = await chain(3, { prefix: "Emu" });
    await versionedBucket(w.t.clients(), "truststores");
    w.goodVersion = (
      await s3.send(
        new PutObjectCommand({
          Bucket: "truststores",
          Key: "api/truststore.pem",
          Body: bundle(w.pki[0]!, w.pki[1]!),
        }),
      )
    ).VersionId!;
    const sha1 = await issue({ subject: "CN=Emu SHA1 Root", hash: "SHA-1" });
    w.badVersion = (
      await s3.send(
        new PutObjectCommand({
          Bucket: "truststores",
          Key: "api/truststore.pem",
          Body: bundle(w.pki[0]!, tamperSignature(w.pki[1]!), sha1),
        }),
      )
    ).VersionId!;
  });
  afterAll(() => w.t.stop());
  return w;
}

/** The mTLS domains the update and mapping tests start from, as the create tests make them. */
export async function createWorldDomains(w: ApiGatewayWorld): Promise<void> {
  const { apiGateway } = w.t.clients();
  const base = {
    endpointConfiguration: { types: ["REGIONAL" as const] },
    securityPolicy: "TLS_1_2" as const,
  };
  const mutualTlsAuthentication = { truststoreUri: URI, truststoreVersion: w.goodVersion };
  await apiGateway.send(
    new CreateDomainNameCommand({
      ...base,
      domainName: "good.test.example",
      regionalCertificateArn: w.amazonCert,
      mutualTlsAuthentication,
    }),
  );
  await apiGateway.send(
    new CreateDomainNameCommand({
      ...base,
      domainName: "imported.test.example",
      regionalCertificateArn: w.importedCert,
      ownershipVerificationCertificateArn: w.amazonCert,
      mutualTlsAuthentication,
    }),
  );
  await apiGateway.send(
    new CreateDomainNameCommand({
      ...base,
      domainName: "latest.test.example",
      regionalCertificateArn: w.amazonCert,
      mutualTlsAuthentication: { truststoreUri: URI },
    }),
  );
}
