/**
 * Several accounts in one emulator: the access key names the account, and
 * each account has its own domains, certificates, buckets, log groups and
 * functions, through the real SDK over HTTP.
 */
import type { IncomingMessage } from "node:http";
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import {
  CreateDomainNameCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
} from "@aws-sdk/client-api-gateway";
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetFunctionCommand, InvokeCommand } from "@aws-sdk/client-lambda";
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { errorOf } from "../test-support/failure";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { accountOf, accountOfKey } from "./account-of";
import { createFunction, HANDLERS, payloadOf } from "./lambda/test-functions";
import { clientsAs, keyOf } from "./test-account-clients";
import { MAX_ACCOUNTS } from "./account-contexts";

describe("the account of an access key", () => {
  it("12 digits are the account (moto's convention), AKIA/ASIA + 12 digits + more too; anything else is the default", () => {
    expect(accountOfKey("111111111111")).toBe("111111111111");
    expect(accountOfKey("ASIA222222222222ABCD")).toBe("222222222222");
    expect(accountOfKey("AKIA333333333333X")).toBe("333333333333");
    expect(accountOfKey("ASIA222222222222")).toBe("000000000000");
    expect(accountOfKey("AKIAIOSFODNN7EXAMPLE")).toBe("000000000000");
    expect(accountOfKey("1111111111112")).toBe("000000000000");
    expect(accountOfKey("test")).toBe("000000000000");
    expect(accountOfKey(undefined)).toBe("000000000000");
  });

  it("is read from the Authorization header or a presigned URL's X-Amz-Credential", () => {
    const request = (url: string, authorization?: string) =>
      ({ url, headers: authorization ? { authorization } : {} }) as IncomingMessage;
    expect(
      accountOf(
        request(
          "/",
          "AWS4-HMAC-SHA256 Credential=444444444444/20250101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00",
        ),
      ),
    ).toBe("444444444444");
    expect(
      accountOf(
        request(
          "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA555555555555WXYZ%2F20250101%2Fus-east-1%2Fs3%2Faws4_request",
        ),
      ),
    ).toBe("555555555555");
    expect(accountOf(request("/"))).toBe("000000000000");
  });
});

describe("several accounts", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const as = (accessKeyId: string) => clientsAs(t.endpoint, keyOf(accessKeyId));

  it("GetCallerIdentity names the access key's account", async () => {
    for (const [key, account] of [
      ["test", "000000000000"],
      ["111111111111", "111111111111"],
      ["ASIA222222222222ABCD", "222222222222"],
      ["AKIAIOSFODNN7EXAMPLE", "000000000000"],
    ]) {
      const me = await as(key!).sts.send(new GetCallerIdentityCommand({}));
      expect([me.Account, me.Arn]).toEqual([account, `arn:aws:iam::${account}:root`]);
    }
  });

  async function createDomain(key: string, domainName: string) {
    const { acm, apiGateway } = as(key);
    const cert = await acm.send(new RequestCertificateCommand({ DomainName: domainName }));
    await apiGateway.send(
      new CreateDomainNameCommand({
        domainName,
        regionalCertificateArn: cert.CertificateArn,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
      }),
    );
    return cert.CertificateArn!;
  }
  const domainsOf = async (key: string) =>
    ((await as(key).apiGateway.send(new GetDomainNamesCommand({}))).items ?? []).map(
      (d) => d.domainName,
    );

  it("each account sees only its own domain names and certificates", async () => {
    const theirs = await createDomain("666666666666", "fleet.six.example");
    const ours = await createDomain("test", "home.example");
    expect(theirs).toMatch(/^arn:aws:acm:us-east-1:666666666666:certificate\//);
    expect(ours).toMatch(/^arn:aws:acm:us-east-1:000000000000:certificate\//);
    expect(await domainsOf("666666666666")).toEqual(["fleet.six.example"]);
    expect(await domainsOf("test")).toEqual(["home.example"]);
    expect(await domainsOf("777777777777")).toEqual([]);
    const missing = await errorOf(
      as("test").apiGateway.send(new GetDomainNameCommand({ domainName: "fleet.six.example" })),
    );
    expect([missing.name, missing.status]).toEqual(["NotFoundException", 404]);
    // Another account's certificate is unknown here.
    const foreign = await errorOf(
      as("777777777777").apiGateway.send(
        new CreateDomainNameCommand({
          domainName: "borrowed.example",
          regionalCertificateArn: theirs,
          endpointConfiguration: { types: ["REGIONAL"] },
        }),
      ),
    );
    expect(foreign.name).toBe("BadRequestException");
  });

  it("S3: buckets per account, one shared namespace, ExpectedBucketOwner against the request's account", async () => {
    const six = as("666666666666").s3;
    const home = as("test").s3;
    await six.send(new CreateBucketCommand({ Bucket: "six-truststores" }));
    await six.send(new PutObjectCommand({ Bucket: "six-truststores", Key: "ts.pem", Body: "6" }));
    const got = await six.send(new GetObjectCommand({ Bucket: "six-truststores", Key: "ts.pem" }));
    expect(await got.Body!.transformToString()).toBe("6");
    await six.send(
      new HeadBucketCommand({ Bucket: "six-truststores", ExpectedBucketOwner: "666666666666" }),
    );
    const wrongOwner = await errorOf(
      six.send(
        new GetObjectCommand({
          Bucket: "six-truststores",
          Key: "ts.pem",
          ExpectedBucketOwner: "000000000000",
        }),
      ),
    );
    expect([wrongOwner.name, wrongOwner.status]).toEqual(["AccessDenied", 403]);
    const taken = await errorOf(home.send(new CreateBucketCommand({ Bucket: "six-truststores" })));
    expect([taken.name, taken.status]).toEqual(["BucketAlreadyExists", 409]);
    const foreign = await errorOf(
      home.send(new GetObjectCommand({ Bucket: "six-truststores", Key: "ts.pem" })),
    );
    expect([foreign.name, foreign.status]).toEqual(["AccessDenied", 403]);
    const missing = await errorOf(
      home.send(new GetObjectCommand({ Bucket: "nobody-has-this", Key: "x" })),
    );
    expect(missing.name).toBe("NoSuchBucket");
    const names = async (s3: typeof six) =>
      ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name);
    expect(await names(six)).toEqual(["six-truststores"]);
    expect(await names(home)).not.toContain("six-truststores");
  });

  it("ARNs the handlers mint carry the account; a function runs with its account's key", async () => {
    const { logs, lambda } = as("888888888888");
    await logs.send(new CreateLogGroupCommand({ logGroupName: "/fleet/access" }));
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/fleet" }));
    expect(groups.logGroups?.map((g) => g.logGroupArn)).toEqual([
      "arn:aws:logs:us-east-1:888888888888:log-group:/fleet/access",
    ]);
    const fn = await createFunction(lambda, "fleet-echo", HANDLERS.echo);
    expect(fn.FunctionArn).toBe("arn:aws:lambda:us-east-1:888888888888:function:fleet-echo");
    const out = await lambda.send(new InvokeCommand({ FunctionName: "fleet-echo" }));
    const { env } = payloadOf(out.Payload) as { env: Record<string, string> };
    expect(env.AWS_ACCESS_KEY_ID).toBe("888888888888");
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: "fleet-echo" }));
    expect(got.Code?.Location).toContain("/_emulator/lambda-code/888888888888/us-east-1/");
    expect((await fetch(got.Code!.Location!)).status).toBe(200);
    const elsewhere = await errorOf(
      as("test").lambda.send(new GetFunctionCommand({ FunctionName: "fleet-echo" })),
    );
    expect(elsewhere.name).toBe("ResourceNotFoundException");
  });

  it("the control endpoint sets a domain's status in the account it names", async () => {
    await createDomain("999999999999", "status.nine.example");
    await t.control("domains/status.nine.example/status", {
      account: "999999999999",
      status: "PENDING_OWNERSHIP_VERIFICATION",
    });
    const d = await as("999999999999").apiGateway.send(
      new GetDomainNameCommand({ domainName: "status.nine.example" }),
    );
    expect(d.domainNameStatus).toBe("PENDING_OWNERSHIP_VERIFICATION");
    await expect(
      t.control("domains/status.nine.example/status", { status: "FAILED" }),
    ).rejects.toThrow(/404/);
  });

  it("serves a bounded number of accounts: any key names one", async () => {
    const emulator = await startTestEmulator();
    try {
      const ask = (n: number) =>
        clientsAs(emulator.endpoint, keyOf(String(900000000000 + n))).sts.send(
          new GetCallerIdentityCommand({}),
        );
      for (let n = 0; n < MAX_ACCOUNTS; n++) await ask(n);
      await expect(ask(MAX_ACCOUNTS)).rejects.toMatchObject({ name: "AccessDenied" });
      // The accounts it serves still answer.
      expect((await ask(0)).Account).toBe("900000000000");
    } finally {
      await emulator.stop();
    }
  });
});
