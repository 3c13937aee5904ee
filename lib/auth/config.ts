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
import type { Role } from "../model/roles";

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
  /** How old the claims behind a session's role may get before they are read again (at most 300 s). */
  claimsMaxAgeSeconds: number;
}

export interface SignInLimits {
  /** Failures per user name within the window that lock the name. */
  perName: number;
  /** Failures per client address within the window that lock the address. */
  perAddress: number;
  /** Failures across all names and addresses within the window that pause every sign-in. */
  global: number;
  windowMs: number;
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: none, use the socket's). */
  trustedProxyHops: number;
}

export interface AuthConfig {
  mode: AuthMode;
  secret: string;
  /** Absolute: from sign-in, whatever the use. */
  sessionMaxAgeSeconds: number;
  users: LocalUser[];
  /** local: where the users are re-read from on every request. */
  usersFile?: string;
  oidc?: OidcSettings;
  /** The app's public URL (NEXTAUTH_URL), for local and OIDC sign-in. */
  appUrl?: string;
  /** Cookies marked Secure (and HSTS sent) when the app is served over https. */
  secureCookies: boolean;
  signInLimits: SignInLimits;
}

export class AuthConfigError extends Error {}

export const usersFileSchema = z.object({
  users: z
    .array(
      z.object({
        username: z.string().min(1).max(128),
        passwordHash: z
          .string()
          .startsWith("$argon2", "passwordHash must be an argon2 hash (npm run hash-password)"),
        role: z.enum(["viewer", "operator"]),
      }),
    )
    .min(1),
});

type Env = Record<string, string | undefined>;

function requireSecret(env: Env): string {
  const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new AuthConfigError(
      "AUTH_SECRET must be set to a random string of at least 32 characters (e.g. `openssl rand -base64 32`): it signs the session cookies.",
    );
  }
  return secret;
}

function positive(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new AuthConfigError(`${key} must be a positive number.`);
  return value;
}

function requireAppUrl(env: Env, mode: string): string {
  const raw = env.NEXTAUTH_URL;
  if (!raw)
    throw new AuthConfigError(
      `AUTH_MODE=${mode} needs NEXTAUTH_URL: the dashboard's public URL (e.g. https://mtls-console.example.com), for sign-in redirects and Secure cookies.`,
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthConfigError(`NEXTAUTH_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new AuthConfigError("NEXTAUTH_URL must be an http(s) URL.");
  return url.origin;
}

function signInLimits(env: Env): SignInLimits {
  const hops = Number(env.AUTH_TRUSTED_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops < 0 || hops > 5)
    throw new AuthConfigError("AUTH_TRUSTED_PROXY_HOPS is a whole number from 0 to 5.");
  return {
    perName: positive(env, "AUTH_MAX_FAILURES_PER_NAME", 5),
    perAddress: positive(env, "AUTH_MAX_FAILURES_PER_ADDRESS", 20),
    global: positive(env, "AUTH_MAX_FAILURES_GLOBAL", 200),
    windowMs: 15 * 60_000,
    trustedProxyHops: hops,
  };
}

function required(env: Env, key: string): string {
  const value = env[key];
  if (!value) throw new AuthConfigError(`AUTH_MODE=oidc needs ${key}.`);
  return value;
}

/** The users of AUTH_USERS_FILE, validated. */
export function readUsersFile(file: string): LocalUser[] {
  try {
    return usersFileSchema.parse(JSON.parse(readFileSync(/* turbopackIgnore: true */ file, "utf8")))
      .users;
  } catch (error) {
    const why =
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
        : (error as Error).message;
    throw new AuthConfigError(`AUTH_USERS_FILE ${file} cannot be used: ${why}`);
  }
}

export function loadAuthConfig(env: Env = process.env): AuthConfig {
  const sessionMaxAgeSeconds = positive(env, "AUTH_SESSION_HOURS", 8) * 3600;
  const common = { sessionMaxAgeSeconds, secureCookies: false, signInLimits: signInLimits(env) };
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
      return {
        ...common,
        mode: "demo",
        secret: env.AUTH_SECRET ?? randomBytes(32).toString("base64"),
        users: [],
      };
    case "none":
      return {
        ...common,
        mode: "none",
        secret: env.AUTH_SECRET ?? randomBytes(32).toString("base64"),
        users: [],
      };
    case "local": {
      const file = env.AUTH_USERS_FILE;
      if (!file)
        throw new AuthConfigError(
          "AUTH_MODE=local needs AUTH_USERS_FILE: a JSON file of users with argon2 password hashes and roles.",
        );
      const users = readUsersFile(file);
      const secret = requireSecret(env);
      const appUrl = requireAppUrl(env, mode);
      return {
        ...common,
        mode: "local",
        secret,
        users,
        usersFile: file,
        appUrl,
        secureCookies: appUrl.startsWith("https:"),
      };
    }
    case "oidc": {
      const secret = requireSecret(env);
      const appUrl = requireAppUrl(env, mode);
      return {
        ...common,
        mode: "oidc",
        secret,
        appUrl,
        secureCookies: appUrl.startsWith("https:"),
        users: [],
        oidc: {
          issuer: required(env, "OIDC_ISSUER").replace(/\/$/, ""),
          clientId: required(env, "OIDC_CLIENT_ID"),
          clientSecret: required(env, "OIDC_CLIENT_SECRET"),
          roleClaim: env.OIDC_ROLE_CLAIM ?? "groups",
          operatorValue: env.OIDC_OPERATOR_VALUE ?? "mtls-console-operators",
          operatorEmails: (env.OIDC_OPERATORS ?? "")
            .split(",")
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean),
          claimsMaxAgeSeconds: Math.min(300, positive(env, "OIDC_CLAIMS_MAX_AGE_SECONDS", 300)),
        },
      };
    }
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
