/**
 * The roles' IAM statements, derived from lib/aws/iam.ts's IAM_CALLS (the
 * source of docs/iam.md): each role gets exactly the actions its calls
 * need, nothing retyped here. Only the resources are the deployment's own:
 * API Gateway's resources, the truststore buckets when named, the access
 * log groups the console creates, an SNS topic when named.
 */
import { Aws } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import { roleActions, type IamRole } from "../lib/aws/iam";

export { roleActions } from "../lib/aws/iam";

export interface ResourceScope {
  /** S3 resources (buckets and their objects); `["*"]` when no bucket is named. */
  s3: string[];
  /** The SNS topics the watch may publish to; `["*"]` when none is named. */
  sns: string[];
  /** The roles the console may assume (its console role). */
  sts?: string[];
}

/** S3 resources for bucket names (`*` wildcards allowed, as TRUSTSTORE_BUCKETS has them); `["*"]` for none. */
export function bucketResources(buckets: string[]): string[] {
  if (buckets.length === 0) return ["*"];
  return buckets.flatMap((b) => [
    `arn:${Aws.PARTITION}:s3:::${b}`,
    `arn:${Aws.PARTITION}:s3:::${b}/*`,
  ]);
}

function resourcesFor(service: string, scope: ResourceScope): string[] {
  switch (service) {
    case "apigateway":
      // Every API Gateway resource of every region (domain names, REST APIs, HTTP APIs).
      return [`arn:${Aws.PARTITION}:apigateway:*::/*`];
    case "s3":
      return scope.s3;
    case "sns":
      return scope.sns;
    case "sts":
      return scope.sts ?? [];
    default:
      // ACM's ListCertificates and Logs' GetQueryResults take no resource.
      return ["*"];
  }
}

/**
 * The log groups the console creates, and gives a retention: a stage's
 * access log group (lib/model/access-log-format.ts accessLogGroupFor), in
 * any region. Groups an operator chose themselves are only read.
 */
export const ACCESS_LOG_GROUP_PREFIX = "/aws/apigateway/access-logs/";

/** Actions whose resources are narrower than their service's, by the name of their statement. */
const NARROWER: Record<string, { actions: string[]; resources: () => string[] }> = {
  AccessLogGroups: {
    actions: ["logs:CreateLogGroup", "logs:PutRetentionPolicy"],
    resources: () => [`arn:${Aws.PARTITION}:logs:*:*:log-group:${ACCESS_LOG_GROUP_PREFIX}*`],
  },
};

/** A role's statements: its actions from IAM_CALLS, one statement per service (and per narrower scope). */
export function roleStatements(role: IamRole, scope: ResourceScope): iam.PolicyStatement[] {
  const groups = new Map<string, { actions: string[]; resources: string[] }>();
  for (const action of roleActions(role)) {
    const service = action.split(":")[0]!;
    const narrower = Object.entries(NARROWER).find(([, n]) => n.actions.includes(action));
    const name = `${service[0]!.toUpperCase()}${service.slice(1)}${narrower?.[0] ?? ""}`;
    const group = groups.get(name) ?? {
      actions: [],
      resources: narrower ? narrower[1].resources() : resourcesFor(service, scope),
    };
    groups.set(name, { ...group, actions: [...group.actions, action] });
  }
  return [...groups].map(
    ([name, { actions, resources }]) =>
      new iam.PolicyStatement({
        sid: `${role}${name}`.replace(/[^A-Za-z0-9]/g, ""),
        actions,
        resources,
      }),
  );
}

/** A role's policy document, for inline policies. */
export function roleDocument(role: IamRole, scope: ResourceScope): iam.PolicyDocument {
  return new iam.PolicyDocument({ statements: roleStatements(role, scope) });
}

/**
 * The scheduled watch's own credentials in a fleet: every read goes through
 * an account's viewer role (its actions are that role's), so the watch
 * itself only assumes those roles, and publishes its report with the
 * watch's SNS actions when it has a topic.
 */
export function watchStatements(scope: {
  viewerRoles: string[];
  snsTopicArn?: string;
}): iam.PolicyStatement[] {
  const publish = roleActions("watch").filter((a) => a.startsWith("sns:"));
  return [
    new iam.PolicyStatement({
      sid: "watchAssumeViewerRoles",
      actions: ["sts:AssumeRole"],
      resources: scope.viewerRoles,
    }),
    ...(scope.snsTopicArn
      ? [
          new iam.PolicyStatement({
            sid: "watchSns",
            actions: publish,
            resources: [scope.snsTopicArn],
          }),
        ]
      : []),
  ];
}
