/**
 * Runs before every request: security headers with a per-request CSP nonce
 * (no unsafe-inline scripts; HSTS over https), and sign-in for every page
 * but the sign-in page, Auth.js's own routes and the health and readiness
 * endpoints. Only
 * what Next.js really runs as a server action (a POST with a Next-Action
 * header) is let through without a session: each action checks the session
 * itself. This is a convenience: every page checks the session too
 * (lib/auth/page-guard.ts), so no header can skip sign-in.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getAuthConfig } from "@/lib/auth/config";
import { decodeWithLifetime } from "@/lib/auth/session-token";
import { isRevoked } from "@/lib/auth/sessions";

const PUBLIC = [/^\/signin(\/|$)/, /^\/api\/auth\//, /^\/api\/(health|ready)$/];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (bar widths) need inline styles; scripts never run inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  if (https)
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  return response;
}

/** A server action's body as big as Next.js takes (next.config.mjs): a truststore of 1,000,000 bytes and its encoding. */
export const ACTION_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * A server action's body that Next.js would fail on with a 500: refused
 * here with a clear message instead (411 without a length, 413 over it).
 * Browsers always send the length of an action's body.
 */
function actionBodyRefusal(headers: Headers): { status: number; message: string } | null {
  const length = headers.get("content-length");
  if (length === null || !/^\d{1,12}$/.test(length))
    return { status: 411, message: "A request to an action must say its body's length." };
  if (Number(length) > ACTION_BODY_LIMIT)
    return {
      status: 413,
      message: `The request is ${Number(length).toLocaleString("en-US")} bytes; the dashboard takes at most ${ACTION_BODY_LIMIT.toLocaleString("en-US")} (a truststore is at most 1,000,000 bytes).`,
    };
  return null;
}

/** A path Next.js can decode: bad percent-encoding names no page (a 404, where Next.js would fail with a 500). */
function wellEncoded(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);

  const path = request.nextUrl.pathname;
  const config = getAuthConfig();
  const https = config.secureCookies || request.nextUrl.protocol === "https:";
  if (!wellEncoded(path))
    return withSecurityHeaders(
      new NextResponse("Not found: the address is not valid percent-encoding.", {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
      csp,
      https,
    );
  const isServerAction = request.method === "POST" && request.headers.has("next-action");
  const refusedBody = isServerAction ? actionBodyRefusal(request.headers) : null;
  if (refusedBody)
    return withSecurityHeaders(
      NextResponse.json({ message: refusedBody.message }, { status: refusedBody.status }),
      csp,
      https,
    );
  const needsSignIn =
    (config.mode === "local" || config.mode === "oidc") &&
    !PUBLIC.some((p) => p.test(path)) &&
    !isServerAction;
  if (needsSignIn) {
    const token = await getToken({
      req: request,
      secret: config.secret,
      secureCookie: config.secureCookies,
      decode: decodeWithLifetime(config.sessionMaxAgeSeconds),
    });
    // A session signed out or revoked counts as none: a clean redirect, before any page renders.
    if (!token || (await isRevoked(token.sid))) {
      if (path.startsWith("/api/"))
        return withSecurityHeaders(
          NextResponse.json({ message: "Sign in first." }, { status: 401 }),
          csp,
          https,
        );
      const signIn = new URL("/signin", request.url);
      signIn.searchParams.set("callbackUrl", `${path}${request.nextUrl.search}`);
      return withSecurityHeaders(NextResponse.redirect(signIn), csp, https);
    }
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp, https);
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
