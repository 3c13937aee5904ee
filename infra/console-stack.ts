/**
 * The console's stack, in the account it runs in: its store bucket, the
 * viewer and operator roles (actions from IAM_CALLS), a task role that can
 * do nothing but assume those roles (here and in member accounts) and use
 * the store, the dashboard on Fargate behind an HTTPS load balancer, and
 * the scheduled watch.
 */
import { Annotations, Aws, CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecr from "aws-cdk-lib/aws-ecr";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import {
  bucketResources,
  roleDocument,
  roleStatements,
  type ResourceScope,
} from "./console-policies";
import { consoleEnvironment, SECRET_ENV } from "./console-environment";
import { ConsoleService } from "./console-service";
import type { ConsoleSettings, ImageSource } from "./settings";
import { storeBucket } from "./store-bucket";
import { WatchSchedule } from "./watch-schedule";

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

    this.taskRole = new iam.Role(this, "TaskRole", {
      roleName: settings.taskRoleName,
      assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
      description: "mTLS Console tasks: assume the viewer or operator role, use the store",
    });
    const resources: ResourceScope = {
      s3: settings.truststoreBuckets.length
        ? [
            ...bucketResources(settings.truststoreBuckets),
            store.bucketArn,
            store.arnForObjects("*"),
          ]
        : ["*"],
      sns: settings.watchSnsTopicArn ? [settings.watchSnsTopicArn] : ["*"],
    };
    this.viewerRole = new iam.Role(this, "ViewerRole", {
      assumedBy: this.taskRole,
      description: "mTLS Console viewers: reads everything, changes nothing",
      inlinePolicies: { viewer: roleDocument("viewer", resources) },
    });
    this.operatorRole = new iam.Role(this, "OperatorRole", {
      assumedBy: this.taskRole,
      description: "mTLS Console operators: also uploads, activates, rolls back, disables mTLS",
      inlinePolicies: { operator: roleDocument("operator", resources) },
    });
    // The process's own credentials: the console role of docs/iam.md, on the store and the
    // roles it assumes (this account's and the member accounts').
    for (const statement of roleStatements("console", {
      s3: [store.bucketArn, store.arnForObjects(`${settings.auditPrefix}*`)],
      sns: [],
      sts: [
        this.viewerRole.roleArn,
        this.operatorRole.roleArn,
        `arn:${Aws.PARTITION}:iam::*:role/${settings.memberViewerRoleName}`,
        `arn:${Aws.PARTITION}:iam::*:role/${settings.memberOperatorRoleName}`,
      ],
    }))
      this.taskRole.addToPolicy(statement);

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
        viewerRoleArn: this.viewerRole.roleArn,
        operatorRoleArn: this.operatorRole.roleArn,
        // The roles' ARNs are tokens until deployment: JSON that CloudFormation completes.
        toJson: (value) => this.toJsonString(value),
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

    const watch = new WatchSchedule(this, "Watch", {
      cluster,
      image: images.of(settings.watchImage),
      logGroup,
      regions: settings.regions,
      stackRegion: this.region,
      days: settings.watchDays,
      everyHours: settings.watchEveryHours,
      snsTopicArn: settings.watchSnsTopicArn,
      scope: resources,
    });
    this.watchRole = watch.role;

    const outputs: Record<string, string> = {
      LoadBalancerDnsName: consoleService.loadBalancer.loadBalancerDnsName,
      StoreBucketName: store.bucketName,
      TaskRoleArn: this.taskRole.roleArn,
      ViewerRoleArn: this.viewerRole.roleArn,
      OperatorRoleArn: this.operatorRole.roleArn,
      WatchRoleArn: watch.role.roleArn,
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
