/**
 * ACM through the real AWS SDK v3 client over HTTP: import (parsed for
 * real, key must match), request, describe, list, get, delete.
 */

import {
  DeleteCertificateCommand,
  DescribeCertificateCommand,
  GetCertificateCommand,
  ImportCertificateCommand,
  ListCertificatesCommand,
  RequestCertificateCommand,
} from "@aws-sdk/client-acm";
import { CreateDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issue } from "../../lib/pki/generate";
import { privateKeyPem } from "../../test-support/seed";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { errorOf } from "../../test-support/failure";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

describe("ACM", () => {
  it("imports a certificate: real dates, names and key algorithm; describe, get, list", async () => {
    const { acm } = t.clients();
    const server = await issue({
      subject: "CN=api.test.example",
      sans: ["api.test.example", "alt.test.example"],
      key: { rsa: 2048 },
      ca: false,
      validDays: [-2, 90],
    });
    const { CertificateArn } = await acm.send(
      new ImportCertificateCommand({
        Certificate: Buffer.from(server.pem),
        PrivateKey: Buffer.from(await privateKeyPem(server.keys)),
      }),
    );
    expect(CertificateArn).toMatch(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/);
    const { Certificate: c } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(c).toMatchObject({
      DomainName: "api.test.example",
      SubjectAlternativeNames: ["api.test.example", "alt.test.example"],
      Type: "IMPORTED",
      Status: "ISSUED",
      KeyAlgorithm: "RSA_2048",
      InUseBy: [],
    });
    expect(c!.NotAfter!.getTime()).toBe(server.cert.notAfter.getTime());
    expect(c!.NotBefore!.getTime()).toBe(server.cert.notBefore.getTime());
    const got = await acm.send(new GetCertificateCommand({ CertificateArn }));
    expect(got.Certificate).toContain("BEGIN CERTIFICATE");
    const listed = await acm.send(new ListCertificatesCommand({}));
    expect(listed.CertificateSummaryList?.map((s) => s.CertificateArn)).toContain(CertificateArn);
  });

  it("refuses a private key that does not match", async () => {
    const { acm } = t.clients();
    const a = await issue({ subject: "CN=a.test.example", ca: false });
    const b = await issue({ subject: "CN=b.test.example", ca: false });
    const err = await errorOf(
      acm.send(
        new ImportCertificateCommand({
          Certificate: Buffer.from(a.pem),
          PrivateKey: Buffer.from(await privateKeyPem(b.keys)),
        }),
      ),
    );
    expect(err.name).toBe("ValidationException");
    expect(err.message).toContain("does not match");
  });

  it("lists RSA_1024/RSA_2048 by default, other key types only when asked, and pages with MaxItems", async () => {
    const { acm } = t.clients("ap-south-1");
    const rsa = await acm.send(new RequestCertificateCommand({ DomainName: "rsa.test.example" }));
    const ec = await acm.send(
      new RequestCertificateCommand({
        DomainName: "ec.test.example",
        KeyAlgorithm: "EC_prime256v1",
      }),
    );
    const byDefault = await acm.send(new ListCertificatesCommand({}));
    expect(byDefault.CertificateSummaryList?.map((s) => s.CertificateArn)).toEqual([
      rsa.CertificateArn,
    ]);
    const all = await acm.send(
      new ListCertificatesCommand({ Includes: { keyTypes: ["RSA_2048", "EC_prime256v1"] } }),
    );
    expect(all.CertificateSummaryList?.map((s) => s.CertificateArn)).toEqual([
      rsa.CertificateArn,
      ec.CertificateArn,
    ]);
    const page1 = await acm.send(
      new ListCertificatesCommand({
        Includes: { keyTypes: ["RSA_2048", "EC_prime256v1"] },
        MaxItems: 1,
      }),
    );
    expect(page1.CertificateSummaryList).toHaveLength(1);
    const page2 = await acm.send(
      new ListCertificatesCommand({
        Includes: { keyTypes: ["RSA_2048", "EC_prime256v1"] },
        MaxItems: 1,
        NextToken: page1.NextToken,
      }),
    );
    expect(page2.CertificateSummaryList?.[0]?.CertificateArn).toBe(ec.CertificateArn);
    expect(page2.NextToken).toBeUndefined();
  });

  it("requested certificates are PENDING_VALIDATION, then ISSUED when the clock passes the delay", async () => {
    const { acm } = t.clients("ap-south-1");
    await t.control("config", { issueDelayMs: 60_000 });
    const { CertificateArn } = await acm.send(
      new RequestCertificateCommand({ DomainName: "slow.test.example" }),
    );
    expect(
      (await acm.send(new DescribeCertificateCommand({ CertificateArn }))).Certificate?.Status,
    ).toBe("PENDING_VALIDATION");
    expect((await errorOf(acm.send(new GetCertificateCommand({ CertificateArn })))).name).toBe(
      "RequestInProgressException",
    );
    await t.control("clock", { advanceSeconds: 61 });
    const issued = (await acm.send(new DescribeCertificateCommand({ CertificateArn })))
      .Certificate!;
    expect(issued.Status).toBe("ISSUED");
    expect(issued.Type).toBe("AMAZON_ISSUED");
    await t.control("clock", { reset: true });
    await t.control("config", { issueDelayMs: 0 });
  });

  it("filters the list by status", async () => {
    const { acm } = t.clients("sa-east-1");
    await t.control("config", { issueDelayMs: 60_000 });
    const pending = await acm.send(
      new RequestCertificateCommand({ DomainName: "pending.test.example" }),
    );
    await t.control("config", { issueDelayMs: 0 });
    const issued = await acm.send(
      new RequestCertificateCommand({ DomainName: "issued.test.example" }),
    );
    const onlyPending = await acm.send(
      new ListCertificatesCommand({ CertificateStatuses: ["PENDING_VALIDATION"] }),
    );
    expect(onlyPending.CertificateSummaryList?.map((c) => c.CertificateArn)).toEqual([
      pending.CertificateArn,
    ]);
    const onlyIssued = await acm.send(
      new ListCertificatesCommand({ CertificateStatuses: ["ISSUED"] }),
    );
    expect(onlyIssued.CertificateSummaryList?.map((c) => c.CertificateArn)).toEqual([
      issued.CertificateArn,
    ]);
  });

  it("InUseBy names the domains using a certificate, and DeleteCertificate refuses while in use", async () => {
    const { acm, apiGateway } = t.clients("ap-south-1");
    const { CertificateArn } = await acm.send(
      new RequestCertificateCommand({ DomainName: "used.test.example" }),
    );
    await apiGateway.send(
      new CreateDomainNameCommand({
        domainName: "used.test.example",
        regionalCertificateArn: CertificateArn,
        endpointConfiguration: { types: ["REGIONAL"] },
      }),
    );
    const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(Certificate?.InUseBy).toEqual([
      "arn:aws:apigateway:ap-south-1::/domainnames/used.test.example",
    ]);
    const err = await errorOf(acm.send(new DeleteCertificateCommand({ CertificateArn })));
    expect(err.name).toBe("ResourceInUseException");
    const unused = await acm.send(
      new RequestCertificateCommand({ DomainName: "unused.test.example" }),
    );
    await acm.send(new DeleteCertificateCommand({ CertificateArn: unused.CertificateArn }));
    expect(
      (
        await errorOf(
          acm.send(new DescribeCertificateCommand({ CertificateArn: unused.CertificateArn })),
        )
      ).name,
    ).toBe("ResourceNotFoundException");
  });
});
