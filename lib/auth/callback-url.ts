/**
 * Where to send the browser after signing in: only ever back to this app.
 * The callback URL is resolved against the app's origin the way a browser
 * resolves it (WHATWG URL: backslashes count as slashes, tabs and newlines
 * are dropped), and anything that lands on another origin becomes "/".
 * Isomorphic: the sign-in page, the sign-in form and Auth.js's redirect
 * callback all use it.
 */
export function safeCallbackUrl(raw: string | null | undefined, origin: string): string {
  const home = new URL("/", origin);
  if (!raw) return home.href;
  let resolved: URL;
  try {
    resolved = new URL(raw, home);
  } catch {
    return home.href;
  }
  if (resolved.origin !== home.origin) return home.href;
  // An absolute URL on our own origin: safe to assign, whatever its path looks like
  // (a relative "//x" path would be protocol-relative; an absolute URL never is).
  return resolved.href;
}

/** The path, query and fragment of a same-origin URL, for display and links. */
export function callbackPath(raw: string | null | undefined, origin: string): string {
  const url = new URL(safeCallbackUrl(raw, origin));
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}
