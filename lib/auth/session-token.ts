/**
 * The session cookie's JWT, with an absolute lifetime: a session ends
 * `sessionMaxAgeSeconds` after sign-in however often it is used (Auth.js
 * re-issues the cookie on every read; the sign-in time travels with it).
 * Used by Auth.js itself (its `jwt.decode`), by the proxy and by pages.
 */
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** Milliseconds since the epoch when the user signed in. */
export const SIGNED_IN_AT = "signedInAt";

export function isCurrent(
  token: JWT | null,
  maxAgeSeconds: number,
  now = Date.now(),
): token is JWT {
  const at = token?.[SIGNED_IN_AT];
  if (typeof at !== "number" || !Number.isFinite(at)) return false;
  // A sign-in time in the future (beyond clock skew) is a forgery or a broken clock.
  return at <= now + 60_000 && now - at < maxAgeSeconds * 1000;
}

/** Auth.js's decode, refusing tokens older than the absolute lifetime. */
export function decodeWithLifetime(maxAgeSeconds: number) {
  return async (params: JWTDecodeParams): Promise<JWT | null> => {
    const token = await decode(params);
    return isCurrent(token, maxAgeSeconds) ? token : null;
  };
}

/** The session cookie's name: Auth.js's, with the __Secure- prefix over https. */
export const sessionCookieName = (secure: boolean) =>
  `${secure ? "__Secure-" : ""}next-auth.session-token`;
