import "server-only";
/**
 * How people sign in, from the environment:
 * - AUTH_MODE=local: users from AUTH_USERS_FILE (argon2 password hashes, roles);
 * - AUTH_MODE=oidc: OpenID Connect (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET),
 *   roles from a claim (OIDC_ROLE_CLAIM contains OIDC_OPERATOR_VALUE) or an
 *   allowlist of e-mail addresses (OIDC_OPERATORS);
 * - AUTH_MODE=none: no sign-in at all (a loud warning and a red banner);
 * - unset: the embedded demo signs a demo operator in automatically; any
 *   other backend refuses to start.
 * Local and OIDC sessions are signed, http-only, SameSite cookies (AUTH_SECRET).
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { resolveBackendKind } from "../aws/config";
import type { Role } from "./roles";

export type AuthMode = "demo" | "local" | "oidc" | "none";

export interface LocalUser {
  username: string;
  passwordHash: string;
  role: Role;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  operatorValue: string;
  operatorEmails: string[];
}

export interface AuthConfig {
  mode: AuthMode;
  secret: string;
  sessionMaxAgeSeconds: number;
  users: LocalUser[];
  oidc?: OidcSettings;
}

export class AuthConfigError extends Error {}

const usersFileSchema = z.object({
  users: z
    .array(
      z.object({
        username: z.string().min(1).max(128),
        passwordHash: z.string().startsWith("$argon2", "passwordHash must be an argon2 hash (npm run hash-password)"),
        role: z.enum(["viewer", "operator"]),
      }),
    )
    .min(1),
});

type Env = Record<string, string | undefined>;

function requireSecret(env: Env): string {
  const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new AuthConfigError("AUTH_SECRET must be set to a random string of at least 32 characters (e.g. `openssl rand -base64 32`): it signs the session cookies.");
  }
  return secret;
}

function required(env: Env, key: string): string {
  const value = env[key];
  if (!value) throw new AuthConfigError(`AUTH_MODE=oidc needs ${key}.`);
  return value;
}

export function loadAuthConfig(env: Env = process.env): AuthConfig {
  const sessionMaxAgeSeconds = Number(env.AUTH_SESSION_HOURS ?? 8) * 3600;
  if (!Number.isFinite(sessionMaxAgeSeconds) || sessionMaxAgeSeconds <= 0) throw new AuthConfigError("AUTH_SESSION_HOURS must be a positive number.");
  const mode = env.AUTH_MODE;
  switch (mode) {
    case undefined:
    case "":
    case "demo":
      if (resolveBackendKind(env) !== "embedded") {
        throw new AuthConfigError(
          "No sign-in is configured. Outside the embedded demo, set AUTH_MODE=local (with AUTH_USERS_FILE) or AUTH_MODE=oidc (with OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), and AUTH_SECRET. AUTH_MODE=none turns sign-in off (not for shared use).",
        );
      }
      return { mode: "demo", secret: env.AUTH_SECRET ?? randomBytes(32).toString("base64"), sessionMaxAgeSeconds, users: [] };
    case "none":
      return { mode: "none", secret: env.AUTH_SECRET ?? randomBytes(32).toString("base64"), sessionMaxAgeSeconds, users: [] };
    case "local": {
      const file = env.AUTH_USERS_FILE;
      if (!file) throw new AuthConfigError("AUTH_MODE=local needs AUTH_USERS_FILE: a JSON file of users with argon2 password hashes and roles.");
      let parsed: z.infer<typeof usersFileSchema>;
      try {
        parsed = usersFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
      } catch (error) {
        const why = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : (error as Error).message;
        throw new AuthConfigError(`AUTH_USERS_FILE ${file} cannot be used: ${why}`);
      }
      return { mode: "local", secret: requireSecret(env), sessionMaxAgeSeconds, users: parsed.users };
    }
    case "oidc":
      return {
        mode: "oidc",
        secret: requireSecret(env),
        sessionMaxAgeSeconds,
        users: [],
        oidc: {
          issuer: required(env, "OIDC_ISSUER").replace(/\/$/, ""),
          clientId: required(env, "OIDC_CLIENT_ID"),
          clientSecret: required(env, "OIDC_CLIENT_SECRET"),
          roleClaim: env.OIDC_ROLE_CLAIM ?? "groups",
          operatorValue: env.OIDC_OPERATOR_VALUE ?? "mtls-console-operators",
          operatorEmails: (env.OIDC_OPERATORS ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean),
        },
      };
    default:
      throw new AuthConfigError(`AUTH_MODE is "local", "oidc" or "none", not "${mode}".`);
  }
}

let cached: AuthConfig | undefined;

/** The configuration of this process (read once). */
export function getAuthConfig(): AuthConfig {
  cached ??= loadAuthConfig();
  return cached;
}
