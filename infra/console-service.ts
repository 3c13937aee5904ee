/**
 * The dashboard on ECS Fargate behind an Application Load Balancer: at
 * least two tasks, rolled one new task at a time with the old ones kept
 * until the new pass /api/ready (minHealthyPercent 100), HTTPS on 443 with
 * the given certificate, HTTP redirected to it. A stopping task gets
 * SIGTERM and 30 s before SIGKILL: the app lets changes under way finish
 * and be recorded within 25 s (MTLS_CONSOLE_STOP_GRACE_MS).
 */
import { Duration } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import type * as iam from "aws-cdk-lib/aws-iam";
import type * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";

export const CONTAINER_PORT = 3000;
export const READY_PATH = "/api/ready";
export const HEALTH_PATH = "/api/health";

export interface ConsoleServiceProps {
  cluster: ecs.ICluster;
  image: ecs.ContainerImage;
  taskRole: iam.IRole;
  environment: Record<string, string>;
  secrets: Record<string, ecs.Secret>;
  logGroup: logs.ILogGroup;
  certificateArn: string;
  desiredCount: number;
  cpu: number;
  memoryMiB: number;
  internetFacing: boolean;
  /** Who may reach the load balancer. */
  allowedCidr: string;
}

export class ConsoleService extends Construct {
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: ConsoleServiceProps) {
    super(scope, id);
    const vpc = props.cluster.vpc;

    const taskDefinition = new ecs.FargateTaskDefinition(this, "Task", {
      cpu: props.cpu,
      memoryLimitMiB: props.memoryMiB,
      taskRole: props.taskRole,
      runtimePlatform: {
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
      },
    });
    taskDefinition.addContainer("console", {
      image: props.image,
      portMappings: [{ containerPort: CONTAINER_PORT }],
      environment: props.environment,
      secrets: props.secrets,
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: "console", logGroup: props.logGroup }),
      stopTimeout: Duration.seconds(30),
      healthCheck: {
        command: [
          "CMD",
          "node",
          "-e",
          `fetch("http://127.0.0.1:${CONTAINER_PORT}${HEALTH_PATH}").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
        ],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
    });

    this.service = new ecs.FargateService(this, "Service", {
      cluster: props.cluster,
      taskDefinition,
      desiredCount: props.desiredCount,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { rollback: true },
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      healthCheckGracePeriod: Duration.seconds(60),
    });

    const lbSecurityGroup = new ec2.SecurityGroup(this, "LoadBalancerSecurityGroup", {
      vpc,
      description: "mTLS Console load balancer: HTTPS, and HTTP to redirect",
      allowAllOutbound: false,
    });
    for (const port of [443, 80])
      lbSecurityGroup.addIngressRule(ec2.Peer.ipv4(props.allowedCidr), ec2.Port.tcp(port));

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, "LoadBalancer", {
      vpc,
      internetFacing: props.internetFacing,
      securityGroup: lbSecurityGroup,
      vpcSubnets: {
        subnetType: props.internetFacing
          ? ec2.SubnetType.PUBLIC
          : ec2.SubnetType.PRIVATE_WITH_EGRESS,
      },
      dropInvalidHeaderFields: true,
    });

    const https = this.loadBalancer.addListener("Https", {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
    });
    this.targetGroup = https.addTargets("Console", {
      port: CONTAINER_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service],
      // A stopping task leaves the load balancer first; its changes then drain on SIGTERM.
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: READY_PATH,
        healthyHttpCodes: "200",
        interval: Duration.seconds(15),
        timeout: Duration.seconds(10),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });
    this.loadBalancer.addRedirect({
      sourcePort: 80,
      sourceProtocol: elbv2.ApplicationProtocol.HTTP,
      targetPort: 443,
      targetProtocol: elbv2.ApplicationProtocol.HTTPS,
      open: false,
    });
  }
}
