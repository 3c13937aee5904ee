/**
 * STS AssumeRole through the real SDK (its STS client, and the credential
 * provider the console's fleet mode uses): keys in the role's account,
 * AWS's answer shape, STS's validation, and the AWS CLI.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand, GetDomainNamesCommand } from "@aws-sdk/client-api-gateway";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { awsCli, awsCliAvailable } from "../../test-support/aws-cli";
import { errorOf } from "../../test-support/failure";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { clientsAs, keyOf, type Credentials } from "../test-account-clients";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

const ROLE = "arn:aws:iam::111111111111:role/fleet/mtls-console-reader";
const home = () => clientsAs(t.endpoint, keyOf("test"));
const assumed = (roleArn: string, externalId = "fleet-external-id"): Credentials =>
  fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: "mtls-console", ExternalId: externalId },
    masterCredentials: keyOf("test"),
    clientConfig: { endpoint: t.endpoint, region: "us-east-1", maxAttempts: 1 },
  });

describe("AssumeRole", () => {
  it("answers AWS's shape with keys of the role's account, expiring on the emulator's clock", async () => {
    await t.control("clock", { advanceSeconds: 86_400 });
    const { now } = await t.control<{ now: string }>("clock");
    const out = await home().sts.send(
      new AssumeRoleCommand({
        RoleArn: ROLE,
        RoleSessionName: "s1",
        ExternalId: "fleet-external-id",
        DurationSeconds: 900,
      }),
    );
    await t.control("clock", { reset: true });
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = out.Credentials!;
    expect(AccessKeyId).toMatch(/^ASIA111111111111[A-Z0-9]{4}$/);
    expect(SecretAccessKey).toHaveLength(40);
    expect(SessionToken!.length).toBeGreaterThan(100);
    expect(Expiration).toBeInstanceOf(Date);
    const lifetime = Expiration!.getTime() - Date.parse(now);
    expect(lifetime).toBeGreaterThan(895_000);
    expect(lifetime).toBeLessThanOrEqual(901_000);
    expect(out.AssumedRoleUser?.Arn).toBe(
      "arn:aws:sts::111111111111:assumed-role/mtls-console-reader/s1",
    );
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:s1$/);
    expect(out.PackedPolicySize).toBeUndefined();

    const me = await clientsAs(t.endpoint, {
      accessKeyId: AccessKeyId!,
      secretAccessKey: SecretAccessKey!,
      sessionToken: SessionToken!,
    }).sts.send(new GetCallerIdentityCommand({}));
    // The caller is the role session, as STS names it.
    expect([me.Account, me.Arn, me.UserId]).toEqual([
      "111111111111",
      "arn:aws:sts::111111111111:assumed-role/mtls-console-reader/s1",
      out.AssumedRoleUser?.AssumedRoleId,
    ]);
  });

  it("the assumed keys see only their account's domain names, and the default keys only theirs", async () => {
    const fleet = clientsAs(t.endpoint, assumed(ROLE));
    expect((await fleet.sts.send(new GetCallerIdentityCommand({}))).Account).toBe("111111111111");
    const create = async (clients: ReturnType<typeof clientsAs>, domainName: string) => {
      const cert = await clients.acm.send(
        new RequestCertificateCommand({ DomainName: domainName }),
      );
      await clients.apiGateway.send(
        new CreateDomainNameCommand({
          domainName,
          regionalCertificateArn: cert.CertificateArn,
          endpointConfiguration: { types: ["REGIONAL"] },
          securityPolicy: "TLS_1_2",
        }),
      );
    };
    await create(fleet, "api.one.example");
    await create(home(), "api.home.example");
    const names = async (clients: ReturnType<typeof clientsAs>) =>
      ((await clients.apiGateway.send(new GetDomainNamesCommand({}))).items ?? []).map(
        (d) => d.domainName,
      );
    expect(await names(fleet)).toEqual(["api.one.example"]);
    expect(await names(home())).toEqual(["api.home.example"]);
    // A 12-digit key reaches the same account, as with moto.
    expect(await names(clientsAs(t.endpoint, keyOf("111111111111")))).toEqual(["api.one.example"]);
    expect(
      await names(
        clientsAs(t.endpoint, assumed("arn:aws:iam::222222222222:role/fleet/mtls-console-reader")),
      ),
    ).toEqual([]);
  });

  it("refuses what STS refuses: a malformed role ARN, a bad session name or duration", async () => {
    const sts = home().sts;
    const refused = async (input: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]>) => {
      const e = await errorOf(
        sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "s1", ...input })),
      );
      expect([e.name, e.status]).toEqual(["ValidationError", 400]);
      return e.message;
    };
    expect(await refused({ RoleArn: "arn:aws:iam::111111111111:user/alice" })).toBe(
      "arn:aws:iam::111111111111:user/alice is invalid",
    );
    expect(await refused({ RoleArn: "arn:aws:iam::1111:role/too-short-account" })).toMatch(
      /is invalid$/,
    );
    expect(await refused({ RoleArn: "fleet" })).toBe(
      "1 validation error detected: Value 'fleet' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
    expect(await refused({ RoleSessionName: "x" })).toMatch(
      /Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2/,
    );
    expect(await refused({ RoleSessionName: "has space" })).toMatch(
      /'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    expect(await refused({ RoleSessionName: "a".repeat(65), DurationSeconds: 60 })).toMatch(
      /^2 validation errors detected: .*less than or equal to 64; .*'durationSeconds' .*greater than or equal to 900$/,
    );
    expect(await refused({ DurationSeconds: 43_201 })).toMatch(/less than or equal to 43200$/);
  });
});

describe.skipIf(!awsCliAvailable)("AssumeRole with the AWS CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "aws-cli-sts-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("aws sts assume-role, then its keys in the role's account", async () => {
    const aws = awsCli(t.endpoint, dir);
    const out = (await aws.shell(
      "aws sts assume-role --role-arn arn:aws:iam::333333333333:role/cli --role-session-name cli-session --external-id fleet-external-id",
    )) as { Credentials: Record<string, string>; AssumedRoleUser: { Arn: string } };
    expect(out.AssumedRoleUser.Arn).toBe("arn:aws:sts::333333333333:assumed-role/cli/cli-session");
    const { AccessKeyId, SecretAccessKey, SessionToken } = out.Credentials;
    expect(AccessKeyId).toMatch(/^ASIA333333333333/);
    const me = await aws.shell(
      `AWS_ACCESS_KEY_ID=${AccessKeyId} AWS_SECRET_ACCESS_KEY='${SecretAccessKey}' AWS_SESSION_TOKEN='${SessionToken}' aws sts get-caller-identity`,
    );
    expect(me.Account).toBe("333333333333");
  });
});
