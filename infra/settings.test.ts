/**
 * The deployment's settings from CDK context: every key has a default (the
 * placeholders among them named), and values that cannot work are refused
 * at synth, not at deploy.
 */
import { describe, expect, it } from "vitest";
import { settingsFrom } from "./settings";

const from = (context: Record<string, string>) => settingsFrom((key) => context[key], {});

describe("the deployment's settings", () => {
  it("synthesize with no context at all, naming the placeholders a deployment must replace", () => {
    const settings = from({});
    expect(settings.placeholders).toEqual([
      "certificateArn",
      "publicUrl",
      "oidcIssuer",
      "externalId",
    ]);
    expect(settings).toMatchObject({
      image: { repository: "mtls-console", tag: "latest" },
      watchImage: { repository: "mtls-console", tag: "latest-watch" },
      desiredCount: 2,
      auditPrefix: "mtls-console/",
      memberViewerRoleName: "mtls-console-viewer",
      memberOperatorRoleName: "mtls-console-operator",
    });
  });

  it("take images by URI, and lists comma-separated", () => {
    const settings = from({
      image: "registry.example.com/mtls-console@sha256:abc",
      watchImage: "registry.example.com/mtls-console-watch:1",
      regions: "eu-west-1, us-east-1",
    });
    expect(settings.image).toEqual({ uri: "registry.example.com/mtls-console@sha256:abc" });
    expect(settings.watchImage).toEqual({ uri: "registry.example.com/mtls-console-watch:1" });
    expect(settings.regions).toEqual(["eu-west-1", "us-east-1"]);
  });

  it.each([
    [{ desiredCount: "1" }, /desiredCount/],
    [{ accounts: "accounts.json" }, /accounts/],
    [{ accounts: "{not json" }, /JSON/],
    [{ accounts: `[{"id":"1234","label":"x","regions":["eu-west-1"]}]` }, /12 digits/],
    [{ auditPrefix: "records" }, /auditPrefix/],
    [{ internetFacing: "yes" }, /internetFacing/],
  ])("refuse %j", (context, message) => {
    expect(() => from(context)).toThrow(message);
  });
});
