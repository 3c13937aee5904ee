import "server-only";
/**
 * Auth.js (next-auth) for the two real sign-in modes: local users (argon2
 * hashes, rate-limited) and OpenID Connect (roles from a claim or an
 * allowlist). Sessions: JWT in an encrypted, http-only, SameSite=Lax cookie
 * with an expiry.
 */
import { verify } from "@node-rs/argon2";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthConfig, type AuthConfig, type OidcSettings } from "./config";
import { lockedForMinutes, recordFailure } from "./rate-limit";
import type { Role } from "./roles";

interface OidcProfile {
  sub: string;
  name?: string;
  email?: string;
  preferred_username?: string;
  [claim: string]: unknown;
}

/** operator when the role claim holds the operator value or the e-mail is allowlisted; otherwise viewer. */
export function roleFromClaims(profile: OidcProfile, settings: OidcSettings): Role {
  const claim = profile[settings.roleClaim];
  const values = Array.isArray(claim) ? claim.map(String) : typeof claim === "string" ? claim.split(/[\s,]+/) : [];
  if (values.includes(settings.operatorValue)) return "operator";
  if (profile.email && settings.operatorEmails.includes(profile.email.toLowerCase())) return "operator";
  return "viewer";
}

/** A hash to verify against when the user does not exist, so timing does not tell. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Ak4t7EWMgXqyGZGrWLy4yB8R9KJ2bYCjHBUqtLkExPA";

export class SignInLockedError extends Error {}

function providers(config: AuthConfig): NextAuthOptions["providers"] {
  if (config.mode === "local") {
    return [
      CredentialsProvider({
        id: "credentials",
        name: "User name and password",
        credentials: { username: { label: "User name", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const username = String(credentials?.username ?? "").slice(0, 128);
          const password = String(credentials?.password ?? "").slice(0, 1024);
          if (!username || !password) return null;
          const minutes = await lockedForMinutes(username);
          if (minutes > 0) throw new Error(`locked:${minutes}`);
          const user = config.users.find((u) => u.username === username);
          const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
          if (!user || !ok) {
            await recordFailure(username);
            return null;
          }
          return { id: user.username, name: user.username, role: user.role } as { id: string; name: string; role: Role };
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
  cached = {
    secret: config.secret,
    providers: providers(config),
    session: { strategy: "jwt", maxAge: config.sessionMaxAgeSeconds },
    jwt: { maxAge: config.sessionMaxAgeSeconds },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.role = (user as { role?: Role }).role ?? "viewer";
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { role?: Role }).role = token.role === "operator" ? "operator" : "viewer";
        return session;
      },
    },
  };
  return cached;
}
