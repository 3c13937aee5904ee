/**
 * The console account's roles, and who may assume whom:
 * - the task role (the console role of docs/iam.md): the dashboard's own
 *   credentials, the store and assuming every account's viewer and
 *   operator role, exactly those of the fleet it is given;
 * - the watch role: the scheduled watch's own credentials, assuming every
 *   account's viewer role (never an operator role) and publishing to its
 *   topic, when one is named;
 * - the viewer role (trusting the task and watch roles) and the operator
 *   role (trusting the task role only), with the actions of docs/iam.md,
 *   on the truststore buckets and never on the store.
 * Made in the stack itself, so the roles' logical ids stay as they were.
 */
import type { Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as s3 from "aws-cdk-lib/aws-s3";
import {
  bucketResources,
  roleDocument,
  roleStatements,
  watchStatements,
  type ResourceScope,
} from "./console-policies";
import { fleetAccounts, type FleetAccount } from "./fleet";
import type { ConsoleSettings } from "./settings";

export interface ConsoleRoles {
  task: iam.Role;
  watch: iam.Role;
  viewer: iam.Role;
  operator: iam.Role;
  /** MTLS_CONSOLE_ACCOUNTS's accounts, this account's roles among them. */
  fleet: FleetAccount[];
}

export function consoleRoles(
  stack: Stack,
  settings: ConsoleSettings,
  store: s3.IBucket,
): ConsoleRoles {
  const task = new iam.Role(stack, "TaskRole", {
    roleName: settings.taskRoleName,
    assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
    description: "mTLS Console tasks: assume the viewer or operator role, use the store",
  });
  const watch = new iam.Role(stack, "WatchRole", {
    roleName: settings.watchRoleName,
    assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
    description: "mTLS Console watch: assumes the accounts' viewer roles, publishes its report",
  });

  // The truststore buckets ("*" when none is named), never the store: the store is the task role's.
  const resources: ResourceScope = { s3: bucketResources(settings.truststoreBuckets), sns: [] };
  const document = (role: "viewer" | "operator") => {
    const policy = roleDocument(role, resources);
    policy.addStatements(
      new iam.PolicyStatement({
        sid: `${role}NotTheStore`,
        effect: iam.Effect.DENY,
        actions: ["s3:*"],
        resources: [store.bucketArn, store.arnForObjects("*")],
      }),
    );
    return policy;
  };
  const viewer = new iam.Role(stack, "ViewerRole", {
    assumedBy: new iam.CompositePrincipal(task, watch),
    description: "mTLS Console viewers: reads everything, changes nothing",
    inlinePolicies: { viewer: document("viewer") },
  });
  const operator = new iam.Role(stack, "OperatorRole", {
    assumedBy: task,
    description: "mTLS Console operators: also uploads, activates, rolls back, disables mTLS",
    inlinePolicies: { operator: document("operator") },
  });

  const fleet = fleetAccounts({
    settings,
    account: stack.account,
    region: stack.region,
    viewerRoleArn: viewer.roleArn,
    operatorRoleArn: operator.roleArn,
  });
  // The process's own credentials: the console role of docs/iam.md, on the store and exactly
  // the roles of the fleet it is given (an account added later comes with a deployment).
  for (const statement of roleStatements("console", {
    s3: [store.bucketArn, store.arnForObjects(`${settings.auditPrefix}*`)],
    sns: [],
    sts: fleet.flatMap((a) => [a.viewerRoleArn, a.operatorRoleArn]),
  }))
    task.addToPolicy(statement);
  // Policies of their own (not inline): the viewer role trusts the watch role, so an inline
  // policy naming the viewer role would make each wait for the other.
  for (const statement of watchStatements({
    viewerRoles: fleet.map((a) => a.viewerRoleArn),
    snsTopicArn: settings.watchSnsTopicArn,
  }))
    watch.addToPolicy(statement);

  return { task, watch, viewer, operator, fleet };
}
