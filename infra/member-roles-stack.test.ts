/**
 * The member-account roles, synthesized once: a template a StackSet can
 * take as it is (parameters, IAM roles, nothing else), roles that trust
 * the console's task role with the external id (the viewer role also the
 * watch role, when WatchRoleArn is given), and actions exactly as
 * docs/iam.md lists them.
 */
import { Stack, type CfnResource } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { roleGrants } from "./allowed-actions";
import { consoleApp, type ConsoleApp } from "./app";
import { documentedActions } from "./iam-doc";
import { FLEET, logicalId as logicalIdOf, MEMBERS, resolved, synthesize } from "./test-apps";

let built: ConsoleApp;
let template: Template;

beforeAll(() => {
  // Synthesized in an account, as a real run would be: nothing of it may reach the template but the trust's default.
  built = consoleApp({ context: { account: "123456789012", region: "eu-west-1" } });
  template = Template.fromStack(built.memberRolesStack);
});

const logicalId = (role: "viewer" | "operator") =>
  Stack.of(built.memberRolesStack).getLogicalId(
    built.memberRolesStack.roles[role].node.defaultChild as CfnResource,
  );

describe("the member-account roles", () => {
  it("are a StackSet-ready template: parameters and roles only, no assets, no bootstrap check", () => {
    const json = template.toJSON();
    expect(Object.keys(json.Parameters).sort()).toEqual([
      "ConsoleTaskRoleArn",
      "ExternalId",
      "OperatorRoleName",
      "ViewerRoleName",
      "WatchRoleArn",
    ]);
    expect(json.Rules).toBeUndefined();
    expect(Object.keys(json.Conditions)).toEqual(["WatchRoleGiven"]);
    expect(
      Object.values(json.Resources as Record<string, { Type: string }>).map((r) => r.Type),
    ).toEqual(["AWS::IAM::Role", "AWS::IAM::Role"]);
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/aws:asset|cdk-bootstrap|CDKMetadata/);
    // The console's account appears only as the trust parameter's default.
    expect(text.match(/123456789012/g)).toHaveLength(1);
    expect(json.Parameters.ConsoleTaskRoleArn.Default).toBe(
      "arn:aws:iam::123456789012:role/mtls-console-task",
    );
    expect(json.Parameters.ExternalId.NoEcho).toBe(true);
    expect(json.Parameters.WatchRoleArn.Default).toBe("");
    expect(json.Parameters.ViewerRoleName.Default).toBe("mtls-console-viewer");
    expect(json.Parameters.OperatorRoleName.Default).toBe("mtls-console-operator");
  });

  const TASK = "arn:aws:iam::111111111111:role/mtls-console-task";
  const WATCH = "arn:aws:iam::111111111111:role/mtls-console-watch";
  /** The role's trust policy as CloudFormation makes it with these parameters. */
  const trust = (role: "viewer" | "operator", parameters: Record<string, string>) =>
    resolved(
      template.toJSON().Resources[logicalId(role)].Properties.AssumeRolePolicyDocument.Statement,
      template.toJSON(),
      { ConsoleTaskRoleArn: TASK, ExternalId: "an-external-id", ...parameters },
    );
  const trusting = (principals: string | string[]) => [
    {
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { AWS: principals },
      Condition: { StringEquals: { "sts:ExternalId": "an-external-id" } },
    },
  ];

  it.each(["viewer", "operator"] as const)(
    "the %s role is named by its parameter and trusts the console's task role with the external id",
    (role) => {
      const resource = template.toJSON().Resources[logicalId(role)];
      expect(resource.Properties.RoleName).toEqual({
        Ref: role === "viewer" ? "ViewerRoleName" : "OperatorRoleName",
      });
      expect(trust(role, { WatchRoleArn: "" })).toEqual(trusting(TASK));
    },
  );

  it("with WatchRoleArn, the viewer role trusts the watch role too, the operator role still the task role only", () => {
    expect(trust("viewer", { WatchRoleArn: WATCH })).toEqual(trusting([TASK, WATCH]));
    expect(trust("operator", { WatchRoleArn: WATCH })).toEqual(trusting(TASK));
  });

  it.each(["viewer", "operator"] as const)(
    "the %s role may do exactly what docs/iam.md lists for it",
    (role) => {
      const grants = roleGrants(template, logicalId(role));
      expect(grants.actions).toEqual(documentedActions(role));
      expect(grants.managedPolicyArns).toEqual([]);
    },
  );

  it("has the names the console's task and watch roles may assume in each member account", () => {
    const fleet = synthesize(FLEET);
    const members = fleet.members.toJSON().Parameters;
    const viewer = members.ViewerRoleName.Default as string;
    const operator = members.OperatorRoleName.Default as string;
    const assumed = (role: "taskRole" | "watchRole") =>
      roleGrants(fleet.template, logicalIdOf(fleet.consoleStack[role])).statements.find(
        (s) => s.Action === "sts:AssumeRole",
      )?.Resource as unknown[];
    for (const { id } of MEMBERS) {
      expect(assumed("taskRole")).toEqual(
        expect.arrayContaining([
          `arn:aws:iam::${id}:role/${viewer}`,
          `arn:aws:iam::${id}:role/${operator}`,
        ]),
      );
      expect(assumed("watchRole")).toContain(`arn:aws:iam::${id}:role/${viewer}`);
    }
    expect(fleet.template.toJSON().Outputs.WatchRoleArn).toBeDefined();
    expect(members.WatchRoleArn.AllowedPattern).toBeDefined();
    const allowed = new RegExp(members.WatchRoleArn.AllowedPattern as string);
    expect(allowed.test("arn:aws:iam::123456789012:role/mtls-console-watch")).toBe(true);
    expect(allowed.test("")).toBe(true);
    expect(allowed.test("mtls-console-watch")).toBe(false);
  });
});
