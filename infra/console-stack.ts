/**
 * The console's stack, in the account it runs in: its store bucket, its
 * roles (infra/console-roles.ts: the viewer and operator roles with the
 * actions of IAM_CALLS, a task role that can do nothing but assume the
 * fleet's roles and use the store, the watch's role), the dashboard on
 * Fargate behind an HTTPS load balancer, and the scheduled watch.
 */
import { Annotations, CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecr from "aws-cdk-lib/aws-ecr";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { consoleEnvironment, SECRET_ENV } from "./console-environment";
import { consoleRoles } from "./console-roles";
import { ConsoleService } from "./console-service";
import { fleetJson } from "./fleet";
import type { ConsoleSettings, ImageSource } from "./settings";
import { storeBucket } from "./store-bucket";
import { watchEnvironment, WatchSchedule } from "./watch-schedule";

export interface ConsoleStackProps extends StackProps {
  settings: ConsoleSettings;
}

export class ConsoleStack extends Stack {
  readonly taskRole: iam.Role;
  readonly viewerRole: iam.Role;
  readonly operatorRole: iam.Role;
  readonly watchRole: iam.Role;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { settings } = props;
    for (const key of settings.placeholders)
      Annotations.of(this).addWarningV2(
        `mtls-console:placeholder:${key}`,
        `Context "${key}" is not set: synth uses a placeholder; set it before deploying (docs/deploy.md).`,
      );

    const vpc = settings.vpcId
      ? ec2.Vpc.fromLookup(this, "Vpc", { vpcId: settings.vpcId })
      : new ec2.Vpc(this, "Vpc", { maxAzs: 2, natGateways: settings.natGateways });
    const cluster = new ecs.Cluster(this, "Cluster", { vpc });
    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: retentionDays(settings.logRetentionDays),
    });

    const store = storeBucket(this, "Store", {
      prefix: settings.auditPrefix,
      retentionDays: settings.auditRetentionDays,
      signInAttemptsExpireDays: settings.signInAttemptsExpireDays,
    });

    const roles = consoleRoles(this, settings, store);
    this.taskRole = roles.task;
    this.viewerRole = roles.viewer;
    this.operatorRole = roles.operator;
    this.watchRole = roles.watch;
    // The roles' ARNs are tokens until deployment: JSON that CloudFormation completes.
    const accounts = fleetJson(roles.fleet, (value) => this.toJsonString(value));

    const authSecret = settings.authSecretArn
      ? secretsmanager.Secret.fromSecretCompleteArn(this, "AuthSecret", settings.authSecretArn)
      : new secretsmanager.Secret(this, "AuthSecret", {
          description: "mTLS Console AUTH_SECRET: signs the session cookies",
          generateSecretString: { passwordLength: 48, excludePunctuation: true },
        });
    const oidcClientSecret = settings.oidcClientSecretArn
      ? secretsmanager.Secret.fromSecretCompleteArn(
          this,
          "OidcClientSecret",
          settings.oidcClientSecretArn,
        )
      : new secretsmanager.Secret(this, "OidcClientSecret", {
          description:
            "mTLS Console OIDC_CLIENT_SECRET: replace this generated value with your OpenID provider's client secret",
        });

    const images = new Images(this);
    const consoleService = new ConsoleService(this, "Console", {
      cluster,
      image: images.of(settings.image),
      taskRole: this.taskRole,
      environment: consoleEnvironment({
        settings,
        region: this.region,
        account: this.account,
        storeBucketName: store.bucketName,
        accounts,
      }),
      secrets: {
        [SECRET_ENV.authSecret]: ecs.Secret.fromSecretsManager(authSecret),
        [SECRET_ENV.oidcClientSecret]: ecs.Secret.fromSecretsManager(oidcClientSecret),
      },
      logGroup,
      certificateArn: settings.certificateArn,
      desiredCount: settings.desiredCount,
      cpu: settings.cpu,
      memoryMiB: settings.memoryMiB,
      internetFacing: settings.internetFacing,
      allowedCidr: settings.allowedCidr,
    });

    new WatchSchedule(this, "Watch", {
      cluster,
      image: images.of(settings.watchImage),
      logGroup,
      role: this.watchRole,
      environment: watchEnvironment({ region: this.region, accounts }),
      days: settings.watchDays,
      everyHours: settings.watchEveryHours,
      snsTopicArn: settings.watchSnsTopicArn,
    });

    const outputs: Record<string, string> = {
      LoadBalancerDnsName: consoleService.loadBalancer.loadBalancerDnsName,
      StoreBucketName: store.bucketName,
      TaskRoleArn: this.taskRole.roleArn,
      ViewerRoleArn: this.viewerRole.roleArn,
      OperatorRoleArn: this.operatorRole.roleArn,
      WatchRoleArn: this.watchRole.roleArn,
      AuthSecretArn: authSecret.secretArn,
      OidcClientSecretArn: oidcClientSecret.secretArn,
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}

/** Container images: a URI as given, or a tag of one ECR repository in this account. */
class Images {
  private readonly repositories = new Map<string, ecr.IRepository>();
  constructor(private readonly stack: Stack) {}

  of(source: ImageSource): ecs.ContainerImage {
    if ("uri" in source) return ecs.ContainerImage.fromRegistry(source.uri);
    let repository = this.repositories.get(source.repository);
    if (!repository) {
      repository = ecr.Repository.fromRepositoryName(
        this.stack,
        `Repository${this.repositories.size || ""}`,
        source.repository,
      );
      this.repositories.set(source.repository, repository);
    }
    return ecs.ContainerImage.fromEcrRepository(repository, source.tag);
  }
}

function retentionDays(days: number): logs.RetentionDays {
  const allowed = Object.values(logs.RetentionDays).filter((v) => typeof v === "number");
  if (!allowed.includes(days))
    throw new Error(
      `Context logRetentionDays must be one of CloudWatch Logs' periods (${allowed.join(", ")}), not ${days}.`,
    );
  return days as logs.RetentionDays;
}
