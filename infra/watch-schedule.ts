/**
 * `watch` on a schedule (scripts/watch.ts): an EventBridge rule runs one
 * Fargate task on the console's cluster, with the image's `watch` target
 * (the CLI bundled into /app/watch.mjs, see the Dockerfile) and a role of
 * its own holding exactly the watch's actions from IAM_CALLS. Its report
 * goes to the task's log, and to an SNS topic when one is named.
 */
import { Duration } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { roleDocument, type ResourceScope } from "./console-policies";

export interface WatchScheduleProps {
  cluster: ecs.ICluster;
  image: ecs.ContainerImage;
  logGroup: logs.ILogGroup;
  /** The regions to scan (--region); the stack's own when empty. */
  regions: string[];
  stackRegion: string;
  days: number;
  everyHours: number;
  snsTopicArn?: string;
  scope: ResourceScope;
}

/** The watch CLI's command line in the image (scripts/watch.ts's flags). */
export function watchCommand(props: {
  regions: string[];
  days: number;
  snsTopicArn?: string;
}): string[] {
  return [
    "node",
    "/app/watch.mjs",
    ...props.regions.flatMap((r) => ["--region", r]),
    "--days",
    String(props.days),
    ...(props.snsTopicArn ? ["--sns-topic", props.snsTopicArn] : []),
  ];
}

export class WatchSchedule extends Construct {
  readonly role: iam.Role;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: WatchScheduleProps) {
    super(scope, id);
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
      description: "mTLS Console watch: reads domains, certificates, truststores and logs",
      inlinePolicies: { watch: roleDocument("watch", props.scope) },
    });

    const taskDefinition = new ecs.FargateTaskDefinition(this, "Task", {
      cpu: 256,
      memoryLimitMiB: 512,
      taskRole: this.role,
    });
    taskDefinition.addContainer("watch", {
      image: props.image,
      command: watchCommand({
        regions: props.regions.length ? props.regions : [props.stackRegion],
        days: props.days,
        snsTopicArn: props.snsTopicArn,
      }),
      environment: { MTLS_CONSOLE_BACKEND: "aws", AWS_REGION: props.stackRegion },
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
