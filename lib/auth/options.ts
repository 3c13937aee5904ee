import "server-only";
/**
 * Auth.js (next-auth) for the two real sign-in modes: local users (argon2
 * hashes, throttled) and OpenID Connect (roles from a claim, or a verified
 * e-mail on an allowlist). Sessions: an encrypted JWT in an http-only,
 * SameSite=Lax cookie (Secure over https) that ends a fixed time after
 * sign-in however often it is used; redirects only ever to this app.
 */
import { verify } from "@node-rs/argon2";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackUrl } from "./callback-url";
import { clientAddress } from "./client-address";
import { getAuthConfig, type AuthConfig } from "./config";
import { findLocalUser } from "./local-users";
import { auditNameOf, roleFromClaims, type OidcProfile } from "./oidc-claims";
import { beginSignInAttempt, signInFailed, signInSucceeded } from "./rate-limit";
import type { Role } from "../model/roles";
import { decodeWithLifetime, SIGNED_IN_AT } from "./session-token";
import { isRevoked, recordSession, revokeSession } from "./sessions";

export { roleFromClaims } from "./oidc-claims";

/** A hash to verify against when the user does not exist, so timing does not tell. */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Ak4t7EWMgXqyGZGrWLy4yB8R9KJ2bYCjHBUqtLkExPA";

function header(req: { headers?: unknown } | undefined, name: string): string | undefined {
  const headers = req?.headers as
    Headers | Record<string, string | string[] | undefined> | undefined;
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function")
    return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function providers(config: AuthConfig): NextAuthOptions["providers"] {
  if (config.mode === "local" && config.usersFile) {
    const usersFile = config.usersFile;
    return [
      CredentialsProvider({
        id: "credentials",
        name: "User name and password",
        credentials: {
          username: { label: "User name", type: "text" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const username = String(credentials?.username ?? "").slice(0, 128);
          const password = String(credentials?.password ?? "").slice(0, 1024);
          if (!username || !password) return null;
          const address = clientAddress(
            header(req, "x-forwarded-for"),
            config.signInLimits.trustedProxyHops,
          );
          // Throttled before the password hash is verified. Without the store, nobody is let in
          // unthrottled, and nobody is told the password was wrong: the sign-in says so.
          const verdict = await beginSignInAttempt(username, address, config.signInLimits).catch(
            (error: Error) => {
              console.error(
                `[auth] sign-in of ${JSON.stringify(username)} refused: the console's store cannot be reached (${error.message})`,
              );
              throw new Error("store-unavailable");
            },
          );
          if (!verdict.allowed) throw new Error(`locked:${verdict.scope}:${verdict.minutes}`);
          if (verdict.delayMs) await new Promise((r) => setTimeout(r, verdict.delayMs));
          const user = findLocalUser(usersFile, username);
          const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
          if (!user || !ok) {
            await signInFailed(config.signInLimits).catch(() => undefined);
            return null;
          }
          await signInSucceeded(verdict.attempt);
          return { id: user.username, name: user.username, role: user.role } as {
            id: string;
            name: string;
            role: Role;
          };
        },
      }),
    ];
  }
  if (config.mode === "oidc" && config.oidc) {
    const settings = config.oidc;
    return [
      {
        id: "oidc",
        name: "Single sign-on",
        type: "oauth",
        wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        authorization: { params: { scope: "openid email profile" } },
        idToken: true,
        checks: ["pkce", "state"],
        profile(profile: OidcProfile) {
          return {
            id: profile.sub,
            name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
            email: profile.email ?? null,
            role: roleFromClaims(profile, settings),
            auditName: auditNameOf(profile, settings.issuer),
          };
        },
      },
    ];
  }
  return [];
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = getAuthConfig();
  const origin = config.appUrl ?? "http://localhost:3000";
  cached = {
    secret: config.secret,
    providers: providers(config),
    useSecureCookies: config.secureCookies,
    session: { strategy: "jwt", maxAge: config.sessionMaxAgeSeconds },
    jwt: {
      maxAge: config.sessionMaxAgeSeconds,
      decode: decodeWithLifetime(config.sessionMaxAgeSeconds),
    },
    pages: { signIn: "/signin", error: "/signin" },
    events: {
      // Signing out ends the session on the server too: the cookie, if copied, stops working.
      async signOut({ token }) {
        if (typeof token?.sid === "string")
          await revokeSession(token.sid, String(token.name ?? token.sub ?? "unknown")).catch(
            (error: Error) =>
              console.error(`[auth] could not revoke a session at sign-out: ${error.message}`),
          );
      },
    },
    callbacks: {
      async jwt({ token, user, account }) {
        if (user) {
          const now = Date.now();
          token[SIGNED_IN_AT] = now;
          token.role = (user as { role?: Role }).role ?? "viewer";
          // A session id the server can end (sign-out, an operator's revoke): recorded now.
          token.sid = crypto.randomUUID();
          const auditName = (user as { auditName?: string }).auditName;
          if (auditName) token.auditName = auditName;
          await recordSession({
            sid: token.sid as string,
            user: auditName ?? String(user.name ?? user.id),
            role: token.role as Role,
            signedInAt: new Date(now).toISOString(),
            expiresAt: new Date(now + config.sessionMaxAgeSeconds * 1000).toISOString(),
          }).catch((error: Error) =>
            console.error(`[auth] could not record a session: ${error.message}`),
          );
          token.claimsAt = now;
          if (account?.access_token) token.accessToken = account.access_token;
        }
        return token;
      },
      async session({ session, token }) {
        if (await isRevoked(token.sid)) return { ...session, user: undefined } as never;
        // Only what the browser may see: never the access token.
        if (session.user)
          (session.user as { role?: Role }).role =
            token.role === "operator" ? "operator" : "viewer";
        return session;
      },
      async redirect({ url }) {
        return safeCallbackUrl(url, origin);
      },
    },
  };
  return cached;
}
