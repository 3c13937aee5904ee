/**
 * The console's stack, synthesized once: the service rolls with two tasks
 * or more behind HTTPS, the store keeps its history and lets sign-in
 * attempts go, and every role may do exactly what docs/iam.md says.
 */
import { readFileSync } from "node:fs";
import { Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import type { CfnResource } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { attemptPrefixes } from "../lib/auth/rate-limit";
import { parseFleet } from "../lib/aws/accounts";
import { roleGrants } from "./allowed-actions";
import { consoleApp, type ConsoleApp } from "./app";
import { documentedActions } from "./iam-doc";
import { SIGN_IN_ATTEMPTS_PREFIX } from "./store-bucket";

const CERTIFICATE =
  "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
const AUTH_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mtls-console/auth-AbCdEf";

let built: ConsoleApp;
let template: Template;
const logicalId = (construct: Construct) =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnResource);

beforeAll(() => {
  built = consoleApp({
    context: {
      account: "123456789012",
      region: "eu-west-1",
      certificateArn: CERTIFICATE,
      publicUrl: "https://mtls.example.org",
      oidcIssuer: "https://sso.example.org",
      externalId: "a-long-external-id",
      authSecretArn: AUTH_SECRET,
      desiredCount: "3",
      regions: "eu-west-1,us-east-1",
    },
  });
  template = Template.fromStack(built.consoleStack);
});

function container(name: string): Record<string, unknown> {
  const definitions = Object.values(template.findResources("AWS::ECS::TaskDefinition")).flatMap(
    (r) =>
      (r as { Properties: { ContainerDefinitions: Record<string, unknown>[] } }).Properties
        .ContainerDefinitions,
  );
  const found = definitions.find((d) => d.Name === name);
  if (!found) throw new Error(`no container ${name}`);
  return found;
}

describe("the console's service", () => {
  it("runs one ECS service of at least two tasks, rolled without dropping below them", () => {
    template.resourceCountIs("AWS::ECS::Service", 1);
    const [service] = Object.values(template.findResources("AWS::ECS::Service")) as {
      Properties: {
        DesiredCount: number;
        DeploymentConfiguration: { MinimumHealthyPercent: number; MaximumPercent: number };
      };
    }[];
    expect(service!.Properties.DesiredCount).toBe(3);
    expect(service!.Properties.DesiredCount).toBeGreaterThanOrEqual(2);
    expect(service!.Properties.DeploymentConfiguration.MinimumHealthyPercent).toBe(100);
    expect(service!.Properties.DeploymentConfiguration.MaximumPercent).toBeGreaterThan(100);
  });

  it("serves HTTPS on 443 with the given certificate, and redirects HTTP there", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Protocol: "HTTPS",
      Port: 443,
      Certificates: [{ CertificateArn: CERTIFICATE }],
      DefaultActions: [Match.objectLike({ Type: "forward" })],
    });
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Protocol: "HTTP",
      Port: 80,
      DefaultActions: [
        {
          Type: "redirect",
          RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" },
        },
      ],
    });
    template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
  });

  it("sends traffic to port 3000 of tasks that answer /api/ready", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
      Port: 3000,
      Protocol: "HTTP",
      HealthCheckPath: "/api/ready",
      Matcher: { HttpCode: "200" },
    });
    expect(container("console")).toMatchObject({
      PortMappings: [{ ContainerPort: 3000 }],
      StopTimeout: 30,
      LogConfiguration: { LogDriver: "awslogs" },
    });
    template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 90 });
  });

  it("takes AUTH_SECRET and OIDC_CLIENT_SECRET from Secrets Manager, never as plain environment", () => {
    const definition = container("console") as {
      Secrets: { Name: string; ValueFrom: unknown }[];
      Environment: { Name: string; Value: unknown }[];
    };
    const secrets = Object.fromEntries(definition.Secrets.map((s) => [s.Name, s.ValueFrom]));
    expect(Object.keys(secrets).sort()).toEqual(["AUTH_SECRET", "OIDC_CLIENT_SECRET"]);
    expect(secrets.AUTH_SECRET).toBe(AUTH_SECRET);
    const made = Object.keys(template.findResources("AWS::SecretsManager::Secret"));
    expect(made).toHaveLength(1);
    expect(secrets.OIDC_CLIENT_SECRET).toEqual({ Ref: made[0] });
    const names = definition.Environment.map((e) => e.Name);
    expect(names).not.toContain("AUTH_SECRET");
    expect(names).not.toContain("OIDC_CLIENT_SECRET");
    expect(names).toEqual(expect.arrayContaining(["AUDIT_BUCKET", "AUTH_MODE", "NEXTAUTH_URL"]));
  });
});

describe("the store", () => {
  it("is versioned, locked (GOVERNANCE) and private, and only reached over TLS", () => {
    template.resourceCountIs("AWS::S3::Bucket", 1);
    template.hasResourceProperties("AWS::S3::Bucket", {
      VersioningConfiguration: { Status: "Enabled" },
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: "Enabled",
        Rule: { DefaultRetention: { Mode: "GOVERNANCE", Days: 400 } },
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
  });

  it("expires sign-in attempts (and their old versions) under the prefix the app writes them to", () => {
    for (const prefix of Object.values(attemptPrefixes("alice", "192.0.2.1")))
      expect(prefix.startsWith(SIGN_IN_ATTEMPTS_PREFIX)).toBe(true);
    template.hasResourceProperties("AWS::S3::Bucket", {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: `mtls-console/${SIGN_IN_ATTEMPTS_PREFIX}`,
            Status: "Enabled",
            ExpirationInDays: 3,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          }),
        ]),
      },
    });
  });
});

describe("the roles", () => {
  it.each(["viewer", "operator", "watch"] as const)(
    "the %s role may do exactly what docs/iam.md lists for it",
    (role) => {
      const stack = built.consoleStack;
      const construct = {
        viewer: stack.viewerRole,
        operator: stack.operatorRole,
        watch: stack.watchRole,
      }[role];
      const grants = roleGrants(template, logicalId(construct));
      expect(grants.actions).toEqual(documentedActions(role));
      expect(grants.managedPolicyArns).toEqual([]);
    },
  );

  it("the task role only assumes the console's roles and uses the store", () => {
    const grants = roleGrants(template, logicalId(built.consoleStack.taskRole));
    expect(grants.actions.filter((a) => a.startsWith("apigateway:"))).toEqual([]);
    expect(grants.actions).toEqual(documentedActions("console"));
    expect(grants.managedPolicyArns).toEqual([]);
    const assume = grants.statements.find((s) => s.Action === "sts:AssumeRole");
    const targets = JSON.stringify(assume?.Resource);
    expect(targets).toContain(logicalId(built.consoleStack.viewerRole));
    expect(targets).toContain(logicalId(built.consoleStack.operatorRole));
    expect(targets).toContain(":iam::*:role/mtls-console-viewer");
    expect(targets).toContain(":iam::*:role/mtls-console-operator");
    template.hasResourceProperties("AWS::IAM::Role", {
      RoleName: "mtls-console-task",
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: "ecs-tasks.amazonaws.com" } })],
      },
    });
  });

  it("the viewer and operator roles trust the task role only", () => {
    for (const role of [built.consoleStack.viewerRole, built.consoleStack.operatorRole]) {
      const resource = template.toJSON().Resources[logicalId(role)];
      expect(resource.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        expect.objectContaining({
          Principal: { AWS: { "Fn::GetAtt": [logicalId(built.consoleStack.taskRole), "Arn"] } },
        }),
      ]);
    }
  });
});

describe("the scheduled watch", () => {
  it("is an EventBridge rule that runs the watch CLI as an ECS task on the console's cluster", () => {
    const cluster = Object.keys(template.findResources("AWS::ECS::Cluster"));
    expect(cluster).toHaveLength(1);
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 day)",
      Targets: [
        Match.objectLike({
          Arn: { "Fn::GetAtt": [cluster[0], "Arn"] },
          EcsParameters: Match.objectLike({ LaunchType: "FARGATE", TaskCount: 1 }),
        }),
      ],
    });
    const command = container("watch").Command as string[];
    expect(command.slice(0, 2)).toEqual(["node", "/app/watch.mjs"]);
    expect(command).toEqual(
      expect.arrayContaining(["--region", "eu-west-1", "us-east-1", "--days", "30"]),
    );
  });

  it("passes only flags the watch CLI knows", () => {
    const source = readFileSync(new URL("../scripts/watch.ts", import.meta.url), "utf8");
    const known = /options: \{([\s\S]*?)\n {4}\},/.exec(source)?.[1] ?? "";
    const flags = (container("watch").Command as string[]).filter((a) => a.startsWith("--"));
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(known).toMatch(new RegExp(`\\b"?${flag.slice(2)}"?: \\{`));
  });
});

describe("the fleet it manages", () => {
  it("hands the console an accounts file it accepts: its own account through this stack's roles, each member through the member roles", () => {
    const members = consoleApp({
      context: {
        account: "123456789012",
        region: "eu-west-1",
        externalId: "a-long-external-id",
        accounts: JSON.stringify([
          { id: "222222222222", label: "payments", regions: ["us-east-1"] },
        ]),
      },
    });
    const stack = Template.fromStack(members.consoleStack);
    const definitions = Object.values(stack.findResources("AWS::ECS::TaskDefinition")).flatMap(
      (r) =>
        (
          r as {
            Properties: {
              ContainerDefinitions: {
                Name: string;
                Environment?: { Name: string; Value: unknown }[];
              }[];
            };
          }
        ).Properties.ContainerDefinitions,
    );
    const value = definitions
      .find((d) => d.Name === "console")!
      .Environment!.find((e) => e.Name === "MTLS_CONSOLE_ACCOUNTS")!.Value;
    // The roles' ARNs arrive from CloudFormation: stand in for them as it would.
    const text = members.consoleStack.resolve(value) as { "Fn::Join": [string, unknown[]] };
    const joined = text["Fn::Join"][1]
      .map((part) =>
        typeof part === "string" ? part : "arn:aws:iam::123456789012:role/made-by-stack",
      )
      .join(text["Fn::Join"][0]);
    const accounts = parseFleet(joined);
    expect(accounts.map((a) => [a.id, a.label, a.regions])).toEqual([
      ["123456789012", "console", ["eu-west-1"]],
      ["222222222222", "payments", ["us-east-1"]],
    ]);
    expect(accounts[1]).toMatchObject({
      viewerRoleArn: "arn:aws:iam::222222222222:role/mtls-console-viewer",
      operatorRoleArn: "arn:aws:iam::222222222222:role/mtls-console-operator",
      externalId: "a-long-external-id",
    });
  });
});
