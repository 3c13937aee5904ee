/**
 * The console account's roles, synthesized with member accounts and
 * without: each may do exactly what docs/iam.md lists for it, and is
 * trusted by exactly whom it should be (the operator role never by the
 * watch).
 */
import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { roleGrants } from "./allowed-actions";
import { documentedActions } from "./iam-doc";
import { FLEET, logicalId, SINGLE, synthesize, type Synthesized } from "./test-apps";

let single: Synthesized;
let fleet: Synthesized;

beforeAll(() => {
  single = synthesize(SINGLE);
  fleet = synthesize(FLEET);
});

const trustedBy = (built: Synthesized, role: "viewerRole" | "operatorRole") =>
  (
    built.template.toJSON().Resources[logicalId(built.consoleStack[role])].Properties
      .AssumeRolePolicyDocument.Statement as { Principal: { AWS: unknown } }[]
  ).map((s) => s.Principal.AWS);

const arnOf = (built: Synthesized, role: "taskRole" | "watchRole") => ({
  "Fn::GetAtt": [logicalId(built.consoleStack[role]), "Arn"],
});

describe("the console account's roles", () => {
  it.each(["viewer", "operator"] as const)(
    "the %s role may do exactly what docs/iam.md lists for it",
    (role) => {
      const stack = fleet.consoleStack;
      const grants = roleGrants(
        fleet.template,
        logicalId(role === "viewer" ? stack.viewerRole : stack.operatorRole),
      );
      expect(grants.actions).toEqual(documentedActions(role));
      expect(grants.managedPolicyArns).toEqual([]);
    },
  );

  it("the task role only assumes the console's roles and uses the store", () => {
    const { template, consoleStack } = single;
    const grants = roleGrants(template, logicalId(consoleStack.taskRole));
    expect(grants.actions.filter((a) => a.startsWith("apigateway:"))).toEqual([]);
    expect(grants.actions).toEqual(documentedActions("console"));
    expect(grants.managedPolicyArns).toEqual([]);
    const assume = grants.statements.find((s) => s.Action === "sts:AssumeRole");
    const targets = JSON.stringify(assume?.Resource);
    expect(targets).toContain(logicalId(consoleStack.viewerRole));
    expect(targets).toContain(logicalId(consoleStack.operatorRole));
    template.hasResourceProperties("AWS::IAM::Role", {
      RoleName: "mtls-console-task",
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: "ecs-tasks.amazonaws.com" } })],
      },
    });
  });

  it.each([
    ["one account", () => single],
    ["member accounts", () => fleet],
  ])(
    "with %s, the viewer role trusts the task and watch roles, the operator role the task role only",
    (_, built) => {
      expect(trustedBy(built(), "viewerRole")).toEqual([
        arnOf(built(), "taskRole"),
        arnOf(built(), "watchRole"),
      ]);
      expect(trustedBy(built(), "operatorRole")).toEqual([arnOf(built(), "taskRole")]);
    },
  );

  it("names the watch role, and gives its ARN as an output", () => {
    const { template, consoleStack } = fleet;
    template.hasResourceProperties("AWS::IAM::Role", {
      RoleName: "mtls-console-watch",
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: "ecs-tasks.amazonaws.com" } })],
      },
    });
    template.hasOutput("WatchRoleArn", { Value: arnOf(fleet, "watchRole") });
    expect(consoleStack.watchRole).not.toBe(consoleStack.taskRole);
  });
});
