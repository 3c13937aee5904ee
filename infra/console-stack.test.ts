/**
 * The console's stack, synthesized once: the service rolls with two tasks
 * or more behind HTTPS, and the store keeps its history. Its roles, the
 * watch, the fleet and the store's lifecycle have tests of their own.
 */
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AUTH_SECRET,
  CERTIFICATE,
  container as containerOf,
  SINGLE,
  synthesize,
} from "./test-apps";

let template: Template;
const container = (name: string) => containerOf(template, name);

beforeAll(() => {
  template = synthesize(SINGLE).template;
});

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
    const definition = container("console") as unknown as {
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
});
