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
  // A path of "//x" on our own origin ("/.//x" resolves to it) is read as
  // another host by anything that keeps only the path (Next.js's client
  // router does): one leading slash only.
  resolved.pathname = `/${resolved.pathname.replace(/^[/\\]+/, "")}`;
  return resolved.href;
}

/** The path, query and fragment of a same-origin URL, for links and the sign-in form. */
export function callbackPath(raw: string | null | undefined, origin: string): string {
  const url = new URL(safeCallbackUrl(raw, origin));
  return `${url.pathname}${url.search}${url.hash}`;
}
