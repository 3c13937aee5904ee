import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashSync } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { AuthConfigError, loadAuthConfig } from "./config";
import { roleFromClaims } from "./options";
import { allows } from "../model/roles";

const SECRET = "x".repeat(40);
const dir = mkdtempSync(join(tmpdir(), "auth-config-"));
const usersFile = (content: unknown) => {
  const path = join(dir, `${Math.random()}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

describe("sign-in configuration", () => {
  it("the embedded demo needs none; any other backend refuses to start without one", () => {
    expect(loadAuthConfig({ MTLS_CONSOLE_BACKEND: "embedded" }).mode).toBe("demo");
    expect(() => loadAuthConfig({ AWS_PROFILE: "prod" })).toThrow(AuthConfigError);
    expect(() => loadAuthConfig({ AWS_ENDPOINT_URL: "http://localhost:4566" })).toThrow(
      /No sign-in is configured/,
    );
    expect(loadAuthConfig({ AWS_PROFILE: "prod", AUTH_MODE: "none" }).mode).toBe("none");
  });

  it("local users need a readable users file of argon2 hashes and a long secret", () => {
    const good = usersFile({
      users: [
        { username: "alice", passwordHash: hashSync("long enough password"), role: "operator" },
      ],
    });
    const config = loadAuthConfig({
      AUTH_MODE: "local",
      AUTH_USERS_FILE: good,
      AUTH_SECRET: SECRET,
      NEXTAUTH_URL: "https://console.example.com",
    });
    expect(config.users.map((u) => [u.username, u.role])).toEqual([["alice", "operator"]]);
    expect(config.sessionMaxAgeSeconds).toBe(8 * 3600);
    expect(() =>
      loadAuthConfig({ AUTH_MODE: "local", AUTH_USERS_FILE: good, AUTH_SECRET: "short" }),
    ).toThrow(/AUTH_SECRET/);
    expect(() => loadAuthConfig({ AUTH_MODE: "local", AUTH_SECRET: SECRET })).toThrow(
      /AUTH_USERS_FILE/,
    );
    expect(() =>
      loadAuthConfig({
        AUTH_MODE: "local",
        AUTH_USERS_FILE: usersFile("{nope"),
        AUTH_SECRET: SECRET,
      }),
    ).toThrow(/cannot be used/);
    const plain = usersFile({
      users: [{ username: "bob", passwordHash: "hunter2", role: "operator" }],
    });
    expect(() =>
      loadAuthConfig({ AUTH_MODE: "local", AUTH_USERS_FILE: plain, AUTH_SECRET: SECRET }),
    ).toThrow(/argon2/);
    expect(() =>
      loadAuthConfig({
        AUTH_MODE: "local",
        AUTH_USERS_FILE: join(dir, "missing.json"),
        AUTH_SECRET: SECRET,
      }),
    ).toThrow(/cannot be used/);
  });

  it("OIDC needs issuer, client and secret; roles come from a claim or an allowlist", () => {
    expect(() =>
      loadAuthConfig({
        AUTH_MODE: "oidc",
        AUTH_SECRET: SECRET,
        NEXTAUTH_URL: "https://c.example.com",
      }),
    ).toThrow(/OIDC_ISSUER/);
    const config = loadAuthConfig({
      AUTH_MODE: "oidc",
      AUTH_SECRET: SECRET,
      NEXTAUTH_URL: "https://c.example.com",
      OIDC_ISSUER: "https://idp.example.com/",
      OIDC_CLIENT_ID: "c",
      OIDC_CLIENT_SECRET: "s",
      OIDC_ROLE_CLAIM: "roles",
      OIDC_OPERATOR_VALUE: "mtls-admin",
      OIDC_OPERATORS: "Boss@Example.com, ops@example.com",
    });
    const oidc = config.oidc!;
    expect(oidc.issuer).toBe("https://idp.example.com");
    expect(roleFromClaims({ sub: "1", roles: ["x", "mtls-admin"] }, oidc)).toBe("operator");
    expect(roleFromClaims({ sub: "2", roles: "mtls-admin other" }, oidc)).toBe("operator");
    // An allowlisted e-mail counts only when the provider verified it.
    expect(
      roleFromClaims({ sub: "3", email: "boss@example.com", email_verified: true }, oidc),
    ).toBe("operator");
    expect(roleFromClaims({ sub: "3", email: "boss@example.com" }, oidc)).toBe("viewer");
    expect(
      roleFromClaims({ sub: "3", email: "boss@example.com", email_verified: false }, oidc),
    ).toBe("viewer");
    expect(
      roleFromClaims({ sub: "4", roles: ["mtls-viewers"], email: "someone@example.com" }, oidc),
    ).toBe("viewer");
    expect(oidc.claimsMaxAgeSeconds).toBe(300);
    expect(() => loadAuthConfig({ AUTH_MODE: "sometimes" })).toThrow(/"local", "oidc" or "none"/);
  });

  it("local and OIDC sign-in refuse to start without NEXTAUTH_URL; cookies are Secure over https", () => {
    const good = usersFile({
      users: [
        { username: "alice", passwordHash: hashSync("long enough password"), role: "operator" },
      ],
    });
    const local = { AUTH_MODE: "local", AUTH_USERS_FILE: good, AUTH_SECRET: SECRET };
    expect(() => loadAuthConfig(local)).toThrow(/NEXTAUTH_URL/);
    expect(() => loadAuthConfig({ ...local, NEXTAUTH_URL: "not a url" })).toThrow(/not a URL/);
    expect(() =>
      loadAuthConfig({
        AUTH_MODE: "oidc",
        AUTH_SECRET: SECRET,
        OIDC_ISSUER: "https://idp",
        OIDC_CLIENT_ID: "c",
        OIDC_CLIENT_SECRET: "s",
      }),
    ).toThrow(/NEXTAUTH_URL/);
    expect(
      loadAuthConfig({ ...local, NEXTAUTH_URL: "https://console.example.com/x" }),
    ).toMatchObject({ appUrl: "https://console.example.com", secureCookies: true });
    expect(loadAuthConfig({ ...local, NEXTAUTH_URL: "http://127.0.0.1:3000" }).secureCookies).toBe(
      false,
    );
  });

  it("viewers read, operators also change", () => {
    expect([
      allows("viewer", "read"),
      allows("viewer", "change"),
      allows("operator", "read"),
      allows("operator", "change"),
    ]).toEqual([true, false, true, true]);
  });
});
