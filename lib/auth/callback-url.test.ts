import { describe, expect, it } from "vitest";
import { callbackPath, safeCallbackUrl } from "./callback-url";

const ORIGIN = "https://console.example.com";

describe("safeCallbackUrl", () => {
  it.each([
    "/\\evil.example",
    "/%5Cevil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "https://console.example.com.evil.example/",
    "http://console.example.com/",
    "javascript:alert(1)",
    "\\\\evil.example",
    " //evil.example",
    "/\n/evil.example",
  ])("keeps %j on the app's origin", (raw) => {
    const url = new URL(safeCallbackUrl(raw, ORIGIN));
    expect(url.origin).toBe(ORIGIN);
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackUrl("/domains/a.example.com?region=eu-west-1#versions", ORIGIN)).toBe(
      `${ORIGIN}/domains/a.example.com?region=eu-west-1#versions`,
    );
    expect(safeCallbackUrl(`${ORIGIN}/inspect`, ORIGIN)).toBe(`${ORIGIN}/inspect`);
  });

  it("sends anything unusable home", () => {
    expect(safeCallbackUrl(undefined, ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeCallbackUrl("", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeCallbackUrl("http://[bad", ORIGIN)).toBe(`${ORIGIN}/`);
  });

  it("never yields a path that a browser or a router would read as another host", () => {
    for (const raw of [
      "/.//evil.example",
      "/..//evil.example",
      "/./\\evil.example",
      "/%2F/evil.example",
    ]) {
      const url = new URL(safeCallbackUrl(raw, ORIGIN));
      expect(url.pathname.startsWith("//"), raw).toBe(false);
      expect(new URL(url.pathname, ORIGIN).origin, raw).toBe(ORIGIN);
    }
    // "/.//evil.example" resolves to the path "//evil.example" on our origin.
    expect(callbackPath("/.//evil.example", ORIGIN)).toBe("/evil.example");
    expect(new URL(callbackPath("/.//evil.example", ORIGIN), ORIGIN).origin).toBe(ORIGIN);
  });
});
