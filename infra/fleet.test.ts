/**
 * MTLS_CONSOLE_ACCOUNTS as the stack gives it: an accounts file the
 * console accepts (lib/aws/accounts.ts), its own account through this
 * stack's roles, each member account through the member roles.
 */
import { describe, expect, it } from "vitest";
import { parseFleet } from "../lib/aws/accounts";
import { environmentValue, FLEET, MEMBERS, synthesize } from "./test-apps";

describe("the fleet it manages", () => {
  it("hands the console an accounts file it accepts: its own account through this stack's roles, each member through the member roles", () => {
    const built = synthesize(FLEET);
    const value = environmentValue(built.template, "console", "MTLS_CONSOLE_ACCOUNTS");
    // The roles' ARNs arrive from CloudFormation: stand in for them as it would.
    const text = built.consoleStack.resolve(value) as { "Fn::Join": [string, unknown[]] };
    const joined = text["Fn::Join"][1]
      .map((part) =>
        typeof part === "string" ? part : "arn:aws:iam::123456789012:role/made-by-stack",
      )
      .join(text["Fn::Join"][0]);
    const accounts = parseFleet(joined);
    expect(accounts.map((a) => [a.id, a.label, a.regions])).toEqual([
      ["123456789012", "console", ["eu-west-1", "us-east-1"]],
      ...MEMBERS.map((m) => [m.id, m.label, m.regions]),
    ]);
    expect(accounts[1]).toMatchObject({
      viewerRoleArn: "arn:aws:iam::222222222222:role/mtls-console-viewer",
      operatorRoleArn: "arn:aws:iam::222222222222:role/mtls-console-operator",
      externalId: "a-long-external-id",
    });
  });
});
