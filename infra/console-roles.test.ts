/**
 * The console account's roles, synthesized with member accounts and
 * without: each may do exactly what docs/iam.md lists for it, on no more
 * than it needs (the fleet's roles, the truststore buckets, the access log
 * groups the console names), and is trusted by exactly whom it should be
 * (the operator role never by the watch).
 */
import { Match } from "aws-cdk-lib/assertions";
import type { Construct } from "constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { accessLogGroupFor } from "../lib/model/access-log-format";
import { roleGrants } from "./allowed-actions";
import { bucketResources } from "./console-policies";
import { documentedActions } from "./iam-doc";
import { FLEET, logicalId, MEMBERS, SINGLE, synthesize, type Synthesized } from "./test-apps";

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

  it("the task role only assumes the fleet's roles and uses the store", () => {
    const { template, consoleStack } = single;
    const grants = roleGrants(template, logicalId(consoleStack.taskRole));
    expect(grants.actions.filter((a) => a.startsWith("apigateway:"))).toEqual([]);
    expect(grants.actions).toEqual(documentedActions("console"));
    expect(grants.managedPolicyArns).toEqual([]);
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

  it.each([
    ["one account", () => single, []],
    ["member accounts", () => fleet, MEMBERS],
  ])(
    "with %s, the task role assumes exactly the fleet's viewer and operator roles",
    (_, built, members) => {
      const { template, consoleStack } = built();
      const assume = roleGrants(template, logicalId(consoleStack.taskRole)).statements.filter((s) =>
        [s.Action].flat().includes("sts:AssumeRole"),
      );
      expect(assume).toHaveLength(1);
      expect(assume[0]!.Action).toBe("sts:AssumeRole");
      expect(assume[0]!.Resource).toEqual([
        { "Fn::GetAtt": [logicalId(consoleStack.viewerRole), "Arn"] },
        { "Fn::GetAtt": [logicalId(consoleStack.operatorRole), "Arn"] },
        ...members.flatMap((m) => [
          `arn:aws:iam::${m.id}:role/mtls-console-viewer`,
          `arn:aws:iam::${m.id}:role/mtls-console-operator`,
        ]),
      ]);
    },
  );

  it.each([
    ["viewer", "viewerRole"],
    ["operator", "operatorRole"],
  ] as const)(
    "the %s role's S3 resources are the truststore buckets (any bucket when none is named), never the store",
    (_, role) => {
      const store = {
        "Fn::GetAtt": [logicalId(fleet.consoleStack.node.findChild("Store") as Construct), "Arn"],
      };
      for (const [built, allowed] of [
        [fleet, bucketResources(["truststores-*", "pki-prod"])],
        [single, ["*"]],
      ] as const) {
        const { statements } = roleGrants(built.template, logicalId(built.consoleStack[role]));
        const s3 = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith("s3:")));
        const allows = s3.filter((s) => s.Effect === "Allow");
        expect(allows).toHaveLength(1);
        expect(built.consoleStack.resolve([allows[0]!.Resource].flat())).toEqual(
          built.consoleStack.resolve(allowed),
        );
        expect(JSON.stringify(allows)).not.toContain("Store");
        const denies = s3.filter((s) => s.Effect === "Deny");
        expect(denies).toEqual([
          expect.objectContaining({
            Action: "s3:*",
            Resource: [store, { "Fn::Join": ["", [store, "/*"]] }],
          }),
        ]);
      }
    },
  );

  it("the operator creates (and sets a retention on) only the access log groups the console names", () => {
    const { statements } = roleGrants(fleet.template, logicalId(fleet.consoleStack.operatorRole));
    const creates = statements.filter((s) =>
      [s.Action].flat().some((a) => a === "logs:CreateLogGroup" || a === "logs:PutRetentionPolicy"),
    );
    expect(creates).toHaveLength(1);
    expect(creates[0]!.Action).toEqual(["logs:CreateLogGroup", "logs:PutRetentionPolicy"]);
    const [pattern] = [creates[0]!.Resource].flat() as unknown[];
    const arn = (fleet.consoleStack.resolve(pattern) as { "Fn::Join": [string, unknown[]] })[
      "Fn::Join"
    ][1]
      .map((p) => (typeof p === "string" ? p : "aws"))
      .join("");
    const matches = (name: string) =>
      new RegExp(`^${arn.replace(/[.+?^${}()|[\]\\/]/g, "\\$&").replace(/\*/g, ".*")}$`).test(
        `arn:aws:logs:eu-west-1:222222222222:log-group:${name}:*`,
      );
    expect(matches(accessLogGroupFor("a1b2c3d4e5", "$default"))).toBe(true);
    expect(matches(accessLogGroupFor("a1b2c3d4e5", "prod"))).toBe(true);
    expect(matches("/aws/lambda/payments")).toBe(false);
    expect(matches("API-Gateway-Execution-Logs_a1b2c3d4e5/prod")).toBe(false);
  });
});
