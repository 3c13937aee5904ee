/**
 * `watch` on a schedule (scripts/watch.ts): an EventBridge rule runs one
 * Fargate task on the console's cluster, with the image's `watch` target
 * (the CLI bundled into /app/watch.mjs, see the Dockerfile). It is given
 * the dashboard's MTLS_CONSOLE_ACCOUNTS and no --region, so it reads every
 * account's every region, through each account's viewer role (its own
 * role, infra/console-roles.ts, may assume those and nothing else). Its
 * report goes to the task's log, and to an SNS topic when one is named.
 */
import { Duration } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as iam from "aws-cdk-lib/aws-iam";
import type * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";

export interface WatchScheduleProps {
  cluster: ecs.ICluster;
  image: ecs.ContainerImage;
  logGroup: logs.ILogGroup;
  /** The watch's own role (infra/console-roles.ts). */
  role: iam.IRole;
  environment: Record<string, string>;
  days: number;
  everyHours: number;
  snsTopicArn?: string;
}

/**
 * The watch CLI's command line in the image (scripts/watch.ts's flags): no
 * --region, so every region of every account of MTLS_CONSOLE_ACCOUNTS.
 */
export function watchCommand(props: { days: number; snsTopicArn?: string }): string[] {
  return [
    "node",
    "/app/watch.mjs",
    "--days",
    String(props.days),
    ...(props.snsTopicArn ? ["--sns-topic", props.snsTopicArn] : []),
  ];
}

/**
 * The watch container's environment: AWS (never the embedded demo), the
 * stack's region, and the dashboard's fleet (MTLS_CONSOLE_ACCOUNTS).
 */
export function watchEnvironment(inputs: {
  region: string;
  accounts: string;
}): Record<string, string> {
  return {
    MTLS_CONSOLE_BACKEND: "aws",
    AWS_REGION: inputs.region,
    MTLS_CONSOLE_ACCOUNTS: inputs.accounts,
  };
}

export class WatchSchedule extends Construct {
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: WatchScheduleProps) {
    super(scope, id);
    const taskDefinition = new ecs.FargateTaskDefinition(this, "Task", {
      cpu: 256,
      memoryLimitMiB: 512,
      taskRole: props.role,
    });
    taskDefinition.addContainer("watch", {
      image: props.image,
      command: watchCommand({ days: props.days, snsTopicArn: props.snsTopicArn }),
      environment: props.environment,
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: "watch", logGroup: props.logGroup }),
      stopTimeout: Duration.seconds(30),
    });

    const securityGroup = new ec2.SecurityGroup(this, "SecurityGroup", {
      vpc: props.cluster.vpc,
      description: "mTLS Console watch: outbound to AWS only",
    });
    this.rule = new events.Rule(this, "Rule", {
      description: "mTLS Console: npm run watch on a schedule",
      schedule: events.Schedule.rate(Duration.hours(props.everyHours)),
    });
    this.rule.addTarget(
      new targets.EcsTask({
        cluster: props.cluster,
        taskDefinition,
        launchType: ecs.LaunchType.FARGATE,
        subnetSelection: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        securityGroups: [securityGroup],
        taskCount: 1,
      }),
    );
  }
}
