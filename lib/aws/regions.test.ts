import { describe, expect, it } from "vitest";
import { isKnownRegion, knownRegions } from "./regions";
import { regionSchema } from "../actions/schemas";

describe("known regions", () => {
  it("come from the SDK's own list: real regions pass, made-up ones that look like regions do not", () => {
    for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2", "ca-central-1"])
      expect(isKnownRegion(region), region).toBe(true);
    for (const region of ["xx-nowhere-1", "us-east-99", "eu-west-1 ", "EU", "", "us-east-1\n"])
      expect(isKnownRegion(region), region).toBe(false);
    expect(knownRegions().size).toBeGreaterThan(20);
    expect(knownRegions().size).toBeLessThan(100);
  });

  it("AWS_REGIONS narrows the list; the default region is always in it", () => {
    const only = knownRegions({ AWS_REGIONS: "eu-west-1, eu-central-1", AWS_REGION: "us-west-2" });
    expect([...only].sort()).toEqual(["eu-central-1", "eu-west-1", "us-west-2"]);
  });

  it("action input is refused for an unknown region before any client is built", () => {
    expect(regionSchema.safeParse("eu-west-1").success).toBe(true);
    expect(regionSchema.safeParse("zz-fake-9").success).toBe(false);
    expect(regionSchema.safeParse("a".repeat(100)).success).toBe(false);
  });
});
