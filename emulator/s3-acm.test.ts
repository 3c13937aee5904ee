/**
 * S3 and ACM through the real AWS SDK v3 clients over HTTP.
 */
import { request } from "node:http";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
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
import { issue } from "../lib/pki/generate";
import { privateKeyPem, startTestEmulator, type TestEmulator, errorOf } from "./test-support";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

describe("S3", () => {
  it("versioned bucket: two versions, each readable by version id, listed newest first, with metadata", async () => {
    const { s3 } = t.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "stores" }));
    expect(
      (await s3.send(new GetBucketVersioningCommand({ Bucket: "stores" }))).Status,
    ).toBeUndefined();
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: "stores",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: "stores" }))).Status).toBe(
      "Enabled",
    );
    const v1 = await s3.send(
      new PutObjectCommand({
        Bucket: "stores",
        Key: "a/ts.pem",
        Body: "one",
        Metadata: { "uploaded-by": "alice" },
      }),
    );
    const v2 = await s3.send(
      new PutObjectCommand({ Bucket: "stores", Key: "a/ts.pem", Body: "two!" }),
    );
    expect(v1.VersionId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(v2.VersionId).not.toBe(v1.VersionId);
    expect(v1.ETag).toBe('"f97c5d29941bfb1b2fdab0874906ab82"');

    const old = await s3.send(
      new GetObjectCommand({ Bucket: "stores", Key: "a/ts.pem", VersionId: v1.VersionId }),
    );
    expect(await old.Body!.transformToString()).toBe("one");
    expect(old.Metadata).toEqual({ "uploaded-by": "alice" });
    expect(old.VersionId).toBe(v1.VersionId);
    const current = await s3.send(new GetObjectCommand({ Bucket: "stores", Key: "a/ts.pem" }));
    expect(await current.Body!.transformToString()).toBe("two!");
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: "stores", Key: "a/ts.pem", VersionId: v1.VersionId }),
    );
    expect(head.ContentLength).toBe(3);

    const list = await s3.send(new ListObjectVersionsCommand({ Bucket: "stores", Prefix: "a/" }));
    expect(list.Versions?.map((v) => [v.VersionId, v.IsLatest, v.Size])).toEqual([
      [v2.VersionId, true, 4],
      [v1.VersionId, false, 3],
    ]);
  });

  it("delete markers hide the object but keep its versions", async () => {
    const { s3 } = t.clients();
    const v1 = await s3.send(
      new PutObjectCommand({ Bucket: "stores", Key: "b.pem", Body: "kept" }),
    );
    const del = await s3.send(new DeleteObjectCommand({ Bucket: "stores", Key: "b.pem" }));
    expect(del.DeleteMarker).toBe(true);
    const gone = await errorOf(s3.send(new GetObjectCommand({ Bucket: "stores", Key: "b.pem" })));
    expect(gone.name).toBe("NoSuchKey");
    expect(gone.status).toBe(404);
    const still = await s3.send(
      new GetObjectCommand({ Bucket: "stores", Key: "b.pem", VersionId: v1.VersionId }),
    );
    expect(await still.Body!.transformToString()).toBe("kept");
    const list = await s3.send(
      new ListObjectVersionsCommand({ Bucket: "stores", Prefix: "b.pem" }),
    );
    expect(list.DeleteMarkers?.map((m) => [m.VersionId, m.IsLatest])).toEqual([
      [del.VersionId, true],
    ]);
    expect(list.Versions?.map((v) => v.IsLatest)).toEqual([false]);
    // Deleting the marker by id brings the object back.
    await s3.send(
      new DeleteObjectCommand({ Bucket: "stores", Key: "b.pem", VersionId: del.VersionId }),
    );
    expect(
      await (
        await s3.send(new GetObjectCommand({ Bucket: "stores", Key: "b.pem" }))
      ).Body!.transformToString(),
    ).toBe("kept");
  });

  it("errors: NoSuchBucket, NoSuchKey, NoSuchVersion, BucketAlreadyOwnedByYou, HeadBucket 404", async () => {
    const { s3 } = t.clients();
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: "nope-bucket", Key: "x" })))).name,
    ).toBe("NoSuchBucket");
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: "stores", Key: "missing" })))).name,
    ).toBe("NoSuchKey");
    const noVersion = await errorOf(
      s3.send(
        new GetObjectCommand({
          Bucket: "stores",
          Key: "a/ts.pem",
          VersionId: "0000000000000000000000000000abcd",
        }),
      ),
    );
    expect(noVersion.name).toBe("NoSuchVersion");
    expect((await errorOf(s3.send(new CreateBucketCommand({ Bucket: "stores" })))).name).toBe(
      "BucketAlreadyOwnedByYou",
    );
    expect((await errorOf(s3.send(new HeadBucketCommand({ Bucket: "nope-bucket" })))).status).toBe(
      404,
    );
    expect((await errorOf(s3.send(new CreateBucketCommand({ Bucket: "Bad_Name" })))).name).toBe(
      "InvalidBucketName",
    );
  });

  it("unversioned buckets return no version id; ListObjectsV2 pages; ListBuckets lists", async () => {
    const { s3 } = t.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "plain" }));
    const put = await s3.send(new PutObjectCommand({ Bucket: "plain", Key: "k0", Body: "x" }));
    expect(put.VersionId).toBeUndefined();
    for (let i = 1; i < 5; i++)
      await s3.send(new PutObjectCommand({ Bucket: "plain", Key: `k${i}`, Body: "x" }));
    const first = await s3.send(new ListObjectsV2Command({ Bucket: "plain", MaxKeys: 3 }));
    expect(first.Contents?.map((c) => c.Key)).toEqual(["k0", "k1", "k2"]);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(
      new ListObjectsV2Command({
        Bucket: "plain",
        MaxKeys: 3,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect(second.Contents?.map((c) => c.Key)).toEqual(["k3", "k4"]);
    expect(second.IsTruncated).toBe(false);
    const buckets = await s3.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual(
      expect.arrayContaining(["plain", "stores"]),
    );
  });

  it("ListObjectVersions pages with key and version markers", async () => {
    const { s3 } = t.clients();
    await s3.send(new CreateBucketCommand({ Bucket: "paged" }));
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: "paged",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await s3.send(new PutObjectCommand({ Bucket: "paged", Key: "ts.pem", Body: `v${i}` })))
          .VersionId!,
      );
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    for (;;) {
      const page = await s3.send(
        new ListObjectVersionsCommand({
          Bucket: "paged",
          MaxKeys: 2,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
        }),
      );
      seen.push(...(page.Versions ?? []).map((v) => v.VersionId!));
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionMarker = page.NextVersionIdMarker;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it("conditional writes and deletes on ETags (If-None-Match: *, If-Match), as S3 does them", async () => {
    const { s3 } = t.clients();
    const put = (Body: string, c: { IfMatch?: string; IfNoneMatch?: string } = {}) =>
      s3.send(new PutObjectCommand({ Bucket: "stores", Key: "lock.json", Body, ...c }));
    const first = await put("one", { IfNoneMatch: "*" });
    expect((await errorOf(put("two", { IfNoneMatch: "*" }))).status).toBe(412);
    const second = await put("two", { IfMatch: first.ETag! });
    expect(second.ETag).not.toBe(first.ETag);
    // The old ETag no longer matches: neither a write nor a delete conditional on it goes through.
    expect((await errorOf(put("three", { IfMatch: first.ETag! }))).name).toBe("PreconditionFailed");
    expect(
      (
        await errorOf(
          s3.send(
            new DeleteObjectCommand({ Bucket: "stores", Key: "lock.json", IfMatch: first.ETag! }),
          ),
        )
      ).status,
    ).toBe(412);
    expect(
      await (
        await s3.send(new GetObjectCommand({ Bucket: "stores", Key: "lock.json" }))
      ).Body!.transformToString(),
    ).toBe("two");
    await s3.send(
      new DeleteObjectCommand({ Bucket: "stores", Key: "lock.json", IfMatch: second.ETag! }),
    );
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: "stores", Key: "lock.json" })))).name,
    ).toBe("NoSuchKey");
    expect((await errorOf(put("four", { IfMatch: second.ETag! }))).name).toBe("NoSuchKey");
  });

  it("ExpectedBucketOwner: the emulator's own account passes, any other is refused; STS names the account", async () => {
    const { s3 } = t.clients();
    const { GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");
    const { Account } = await t.clients().sts.send(new GetCallerIdentityCommand({}));
    expect(Account).toMatch(/^\d{12}$/);
    await s3.send(new HeadBucketCommand({ Bucket: "stores", ExpectedBucketOwner: Account }));
    const other = await errorOf(
      s3.send(
        new PutObjectCommand({
          Bucket: "stores",
          Key: "x",
          Body: "x",
          ExpectedBucketOwner: "111122223333",
        }),
      ),
    );
    expect([other.name, other.status]).toEqual(["AccessDenied", 403]);
    expect(
      (await errorOf(s3.send(new GetObjectCommand({ Bucket: "stores", Key: "x" })))).name,
    ).toBe("NoSuchKey");
  });

  it("virtual-host style requests reach the bucket named in the Host header", async () => {
    const port = new URL(t.endpoint).port;
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/a/ts.pem",
          method: "GET",
          headers: { host: `stores.s3.localhost.localstack.cloud:${port}` },
        },
        (res) => {
          let data = "";
          res.on("data", (c) => (data += c));
          res.on("end", () => resolve(data));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(body).toBe("two!");
  });
});

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
