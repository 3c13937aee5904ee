import "server-only";
/**
 * Who is using the dashboard, checked on every request. The demo and
 * AUTH_MODE=none have one built-in user. Local and OIDC modes read the
 * signed session cookie, then:
 * - refuse it once it is older than the absolute lifetime (from sign-in);
 * - local: the user must still be in AUTH_USERS_FILE, with the role it has
 *   there now;
 * - OIDC: the role comes from claims at most 5 minutes old (re-read from
 *   the provider when older; a session the provider no longer vouches for
 *   is over).
 */
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { getAuthConfig, type AuthMode } from "./config";
import { findLocalUser } from "./local-users";
import { currentOidcRole } from "./oidc-claims";
import type { Role } from "../model/roles";
import { decodeWithLifetime } from "./session-token";
import { isRevoked } from "./sessions";

export type { Permission, Role } from "../model/roles";
export { allows } from "../model/roles";

export interface Session {
  user: string;
  role: Role;
  mode: AuthMode;
}

export async function getSession(): Promise<Session | null> {
  const config = getAuthConfig();
  if (config.mode === "demo") return { user: "demo-operator", role: "operator", mode: "demo" };
  if (config.mode === "none")
    return { user: "anonymous (AUTH_MODE=none)", role: "operator", mode: "none" };
  const token = await getToken({
    req: {
      cookies: await cookies(),
      headers: Object.fromEntries((await headers()).entries()),
    } as never,
    secret: config.secret,
    secureCookie: config.secureCookies,
    decode: decodeWithLifetime(config.sessionMaxAgeSeconds),
  });
  if (!token) return null;
  // Signed out, or revoked by an operator: the cookie no longer counts, wherever it was copied to.
  if (await isRevoked(token.sid)) return null;
  if (config.mode === "local") {
    const name = typeof token.name === "string" ? token.name : "";
    const user = config.usersFile ? findLocalUser(config.usersFile, name) : undefined;
    return user ? { user: user.username, role: user.role, mode: "local" } : null;
  }
  if (!config.oidc) return null;
  const role = await currentOidcRole(token, config.oidc);
  if (!role) return null;
  // Recorded as the verified e-mail, else the subject with its issuer: never a display name.
  const user =
    typeof token.auditName === "string"
      ? token.auditName
      : `${token.sub ?? "unknown"} (${config.oidc.issuer})`;
  return { user, role, mode: "oidc" };
}
