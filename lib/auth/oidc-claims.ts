import "server-only";
/**
 * OIDC roles that follow the identity provider: the claims behind a
 * session's role are at most `claimsMaxAgeSeconds` old (default 300). When
 * they are older, the provider's userinfo endpoint is asked again with the
 * session's access token; if it no longer answers (token expired or
 * revoked), the session is over and the user signs in again.
 */
import { createHash } from "node:crypto";
import type { OidcSettings } from "./config";
import type { Role } from "../model/roles";

export interface OidcProfile {
  sub: string;
  name?: string;
  email?: string;
  email_verified?: boolean | string;
  preferred_username?: string;
  [claim: string]: unknown;
}

/**
 * operator when the role claim holds the operator value, or when the
 * e-mail is allowlisted *and* the provider says it is verified; otherwise
 * viewer. Groups or role claims are preferred: an e-mail address is only
 * as trustworthy as the provider's check of it.
 */
export function roleFromClaims(profile: OidcProfile, settings: OidcSettings): Role {
  const claim = profile[settings.roleClaim];
  const values = Array.isArray(claim)
    ? claim.map(String)
    : typeof claim === "string"
      ? claim.split(/[\s,]+/)
      : [];
  if (values.includes(settings.operatorValue)) return "operator";
  const verified = profile.email_verified === true || profile.email_verified === "true";
  if (verified && profile.email && settings.operatorEmails.includes(profile.email.toLowerCase()))
    return "operator";
  return "viewer";
}

export interface FreshClaims {
  role: Role;
  checkedAt: number;
}

const MAX_ENTRIES = 1_000;
const fresh = new Map<string, FreshClaims>();
let userinfoEndpoint: Promise<string> | undefined;

function discoverUserinfo(settings: OidcSettings): Promise<string> {
  userinfoEndpoint ??= (async () => {
    const res = await fetch(`${settings.issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`discovery answered ${res.status}`);
    const endpoint = ((await res.json()) as { userinfo_endpoint?: unknown }).userinfo_endpoint;
    if (typeof endpoint !== "string") throw new Error("the provider has no userinfo endpoint");
    return endpoint;
  })();
  userinfoEndpoint.catch(() => (userinfoEndpoint = undefined));
  return userinfoEndpoint;
}

/**
 * The role of an OIDC session now: from the token when its claims are
 * young enough, else from the provider's userinfo (cached per access token
 * for the same period). null: the session cannot be confirmed any more.
 */
export async function currentOidcRole(
  token: { sub?: string; role?: unknown; claimsAt?: unknown; accessToken?: unknown },
  settings: OidcSettings,
  now = Date.now(),
): Promise<Role | null> {
  const maxAgeMs = settings.claimsMaxAgeSeconds * 1000;
  if (typeof token.claimsAt === "number" && now - token.claimsAt < maxAgeMs)
    return token.role === "operator" ? "operator" : "viewer";
  if (typeof token.accessToken !== "string" || !token.sub) return null;
  const key = createHash("sha256").update(token.accessToken).digest("hex");
  const known = fresh.get(key);
  if (known && now - known.checkedAt < maxAgeMs) return known.role;
  try {
    const res = await fetch(await discoverUserinfo(settings), {
      headers: { Authorization: `Bearer ${token.accessToken}`, Accept: "application/json" },
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) return null;
    const profile = (await res.json()) as OidcProfile;
    if (profile.sub !== token.sub) return null;
    const role = roleFromClaims(profile, settings);
    fresh.delete(key);
    fresh.set(key, { role, checkedAt: now });
    if (fresh.size > MAX_ENTRIES) fresh.delete(fresh.keys().next().value!);
    return role;
  } catch (error) {
    console.error(
      `[auth] could not re-check the OIDC claims of ${token.sub}: ${(error as Error).message}`,
    );
    return null;
  }
}

/**
 * The name an OIDC user is recorded under: the e-mail only when the
 * provider says it is verified, else the subject with its issuer (a display
 * name or an unverified e-mail can be anyone's).
 */
export function auditNameOf(profile: OidcProfile, issuer: string): string {
  const verified = profile.email_verified === true || profile.email_verified === "true";
  return verified && profile.email ? profile.email.toLowerCase() : `${profile.sub} (${issuer})`;
}
