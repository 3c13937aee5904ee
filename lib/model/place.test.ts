import { describe, expect, it } from "vitest";
import {
  accountOf,
  overviewHref,
  parsePlace,
  placeLabel,
  placeOf,
  keySegment,
  placeOfKeySegment,
  regionOf,
} from "./place";

describe("places", () => {
  it("are a region or ACCOUNT:REGION, nothing else", () => {
    expect(parsePlace("eu-west-1")).toEqual({ region: "eu-west-1" });
    expect(parsePlace("111111111111:eu-west-1")).toEqual({
      account: "111111111111",
      region: "eu-west-1",
    });
    for (const bad of [
      "",
      "eu-west",
      "11111:eu-west-1",
      "111111111111:",
      "x:eu-west-1",
      "eu-west-1:1",
    ])
      expect(parsePlace(bad)).toBeNull();
    expect(placeOf("111111111111", "us-east-1")).toBe("111111111111:us-east-1");
    expect(placeOf(undefined, "us-east-1")).toBe("us-east-1");
    expect(regionOf("111111111111:us-east-1")).toBe("us-east-1");
    expect(accountOf("us-east-1")).toBeUndefined();
  });

  it("are named with the account's label, and link to their overview", () => {
    expect(placeLabel("111111111111:eu-west-1", { "111111111111": "prod" })).toBe(
      "prod · eu-west-1",
    );
    expect(placeLabel("111111111111:eu-west-1")).toBe("111111111111 · eu-west-1");
    expect(placeLabel("eu-west-1")).toBe("eu-west-1");
    expect(overviewHref("111111111111:eu-west-1")).toBe("/?account=111111111111&in=eu-west-1");
    expect(overviewHref("eu-west-1")).toBe("/?region=eu-west-1");
    expect(placeOfKeySegment("111111111111_eu-west-1")).toBe("111111111111:eu-west-1");
    expect(placeOfKeySegment("eu-west-1")).toBe("eu-west-1");
    for (const place of ["111111111111:eu-west-1", "eu-west-1"])
      expect(placeOfKeySegment(keySegment(place))).toBe(place);
    expect(keySegment("*.api.example.com/../x")).toBe("*.api.example.com_.._x");
  });
});
