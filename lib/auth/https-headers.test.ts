/**
 * Over https (NEXTAUTH_URL), the proxy sends Strict-Transport-Security and
 * session cookies are Secure; a GET that merely carries Next-Action is a
 * page request like any other.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashSync } from "@node-rs/argon2";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { getAuthOptions } from "./options";

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), "https-")), "users.json");
  writeFileSync(
    file,
    JSON.stringify({
      users: [{ username: "a", passwordHash: hashSync("long enough password"), role: "viewer" }],
    }),
  );
  Object.assign(process.env, {
    AUTH_MODE: "local",
    AUTH_USERS_FILE: file,
    AUTH_SECRET: "s".repeat(40),
    NEXTAUTH_URL: "https://console.example.com",
    MTLS_CONSOLE_BACKEND: "embedded",
  });
});

describe("the proxy over https", () => {
  it("sends HSTS, and sends a page request without a session to sign-in whatever it carries", async () => {
    const probes: Record<string, string>[] = [
      {},
      { "next-action": "x" },
      { rsc: "1" },
      { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    ];
    for (const headers of probes) {
      const res = await proxy(
        new NextRequest("https://console.example.com/domains/a.example.com", { headers }),
      );
      expect(res.headers.get("strict-transport-security")).toBe(
        "max-age=63072000; includeSubDomains",
      );
      expect(res.status).toBe(307);
      expect(new URL(res.headers.get("location")!).pathname).toBe("/signin");
    }
  });

  it("lets only a POST with Next-Action through without a session (the action checks it itself)", async () => {
    const res = await proxy(
      new NextRequest("https://console.example.com/", {
        method: "POST",
        headers: { "next-action": "abc", "content-length": "2" },
        body: "[]",
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("refuses an action's body without a length (411) or over the limit (413), with a message", async () => {
    const request = (headers: Record<string, string>) =>
      proxy(
        new NextRequest("https://console.example.com/", {
          method: "POST",
          headers: { "next-action": "abc", ...headers },
        }),
      );
    const unsized = await request({});
    expect(unsized.status).toBe(411);
    const huge = await request({ "content-length": String(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { message: string }).message).toContain("at most");
  });

  it("answers a path that is not valid percent-encoding with a 404, not a 500", async () => {
    const res = await proxy(new NextRequest("https://console.example.com/domains/%E0%A4%A"));
    expect(res.status).toBe(404);
  });

  it("marks session cookies Secure", async () => {
    expect(getAuthOptions().useSecureCookies).toBe(true);
  });
});
