/**
 * The scheduled watch as synthesized: an EventBridge rule that runs the
 * watch CLI on the console's cluster over the whole fleet (the dashboard's
 * MTLS_CONSOLE_ACCOUNTS, no --region), as a role that may assume the
 * accounts' viewer roles and nothing else, and publish to its topic.
 */
import { readFileSync } from "node:fs";
import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { roleGrants } from "./allowed-actions";
import { documentedActions } from "./iam-doc";
import {
  container,
  environmentValue,
  FLEET,
  logicalId,
  MEMBERS,
  SINGLE,
  synthesize,
  TOPIC,
  type Synthesized,
} from "./test-apps";

let single: Synthesized;
let fleet: Synthesized;

beforeAll(() => {
  single = synthesize(SINGLE);
  fleet = synthesize(FLEET);
});

const watchGrants = (built: Synthesized) =>
  roleGrants(built.template, logicalId(built.consoleStack.watchRole));

describe("the scheduled watch", () => {
  it("is an EventBridge rule that runs the watch CLI as an ECS task on the console's cluster", () => {
    const { template } = single;
    const cluster = Object.keys(template.findResources("AWS::ECS::Cluster"));
    expect(cluster).toHaveLength(1);
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 day)",
      Targets: [
        Match.objectLike({
          Arn: { "Fn::GetAtt": [cluster[0], "Arn"] },
          EcsParameters: Match.objectLike({ LaunchType: "FARGATE", TaskCount: 1 }),
        }),
      ],
    });
    expect(container(template, "watch").Command).toEqual([
      "node",
      "/app/watch.mjs",
      "--days",
      "30",
    ]);
    expect(container(fleet.template, "watch").Command).toEqual([
      "node",
      "/app/watch.mjs",
      "--days",
      "30",
      "--sns-topic",
      TOPIC,
    ]);
  });

  it("passes only flags the watch CLI knows, and never --region: it reads every account's every region", () => {
    const source = readFileSync(new URL("../scripts/watch.ts", import.meta.url), "utf8");
    const known = /options: \{([\s\S]*?)\n {4}\},/.exec(source)?.[1] ?? "";
    for (const built of [single, fleet]) {
      const flags = container(built.template, "watch").Command!.filter((a) => a.startsWith("--"));
      expect(flags.length).toBeGreaterThan(0);
      expect(flags).not.toContain("--region");
      for (const flag of flags) expect(known).toMatch(new RegExp(`\\b"?${flag.slice(2)}"?: \\{`));
    }
  });

  it.each([
    ["one account", () => single],
    ["member accounts", () => fleet],
  ])("with %s, is given the dashboard's MTLS_CONSOLE_ACCOUNTS", (_, built) => {
    const { template } = built();
    const accounts = environmentValue(template, "watch", "MTLS_CONSOLE_ACCOUNTS");
    expect(accounts).toBeDefined();
    expect(accounts).toEqual(environmentValue(template, "console", "MTLS_CONSOLE_ACCOUNTS"));
    expect(environmentValue(template, "watch", "MTLS_CONSOLE_BACKEND")).toBe("aws");
  });

  it("runs as its own role, which may assume the fleet's viewer roles and nothing else", () => {
    const { consoleStack } = fleet;
    const grants = watchGrants(fleet);
    expect(grants.managedPolicyArns).toEqual([]);
    const assume = grants.statements.filter((s) => [s.Action].flat().includes("sts:AssumeRole"));
    expect(assume.map((s) => s.Action)).toEqual(["sts:AssumeRole"]);
    expect(assume[0]!.Resource).toEqual([
      { "Fn::GetAtt": [logicalId(consoleStack.viewerRole), "Arn"] },
      ...MEMBERS.map((m) => `arn:aws:iam::${m.id}:role/mtls-console-viewer`),
    ]);
    expect(JSON.stringify(grants.statements)).not.toMatch(/operator|OperatorRole/i);
    const definitions = Object.values(fleet.template.findResources("AWS::ECS::TaskDefinition")) as {
      Properties: { TaskRoleArn: unknown; ContainerDefinitions: { Name: string }[] };
    }[];
    const watch = definitions.find((d) => d.Properties.ContainerDefinitions[0]?.Name === "watch");
    expect(watch?.Properties.TaskRoleArn).toEqual({
      "Fn::GetAtt": [logicalId(consoleStack.watchRole), "Arn"],
    });
  });

  it("reads nothing with its own credentials: every read action is the viewer roles'", () => {
    const reads = documentedActions("watch").filter((a) => !a.startsWith("sns:"));
    expect(reads.length).toBeGreaterThan(0);
    for (const built of [single, fleet])
      expect(watchGrants(built).actions.filter((a) => reads.includes(a))).toEqual([]);
  });

  it("publishes with the watch's SNS actions to its topic, and only when it has one", () => {
    const publish = documentedActions("watch").filter((a) => a.startsWith("sns:"));
    expect(publish).toEqual(["sns:Publish"]);
    expect(watchGrants(fleet).actions).toEqual([...publish, "sts:AssumeRole"].sort());
    const sns = watchGrants(fleet).statements.find((s) => s.Action === "sns:Publish");
    expect(sns?.Resource).toBe(TOPIC);
    expect(watchGrants(single).actions).toEqual(["sts:AssumeRole"]);
  });
});
