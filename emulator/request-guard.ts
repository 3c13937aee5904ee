/**
 * The emulator answers only its own callers on this machine: a request
 * whose Host is not a loopback name (DNS rebinding: a web page's own name
 * pointed at 127.0.0.1) or whose Origin is some other site (a page
 * posting to it: CSRF) is refused before it is read. EMULATOR_ALLOWED_HOSTS
 * (comma-separated) adds names, for a container network.
 */
import type { IncomingHttpHeaders } from "node:http";

const LOOPBACK = [
  /^127(\.\d{1,3}){3}$/,
  /^\[::1\]$/,
  /^localhost$/,
  /\.localhost$/,
  /^localhost\.localstack\.cloud$/,
  /\.localhost\.localstack\.cloud$/,
];

function allowedHost(hostname: string, extra: string[]): boolean {
  const name = hostname.toLowerCase();
  return LOOPBACK.some((re) => re.test(name)) || extra.includes(name);
}

const hostnameOf = (host: string) => host.replace(/:\d+$/, "");

/** Why the request is refused, or null. */
export function requestRefusal(
  headers: IncomingHttpHeaders,
  env: Record<string, string | undefined> = process.env,
): string | null {
  const extra = (env.EMULATOR_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const host = headers.host ?? "";
  if (!allowedHost(hostnameOf(host), extra))
    return `Host ${JSON.stringify(host.slice(0, 100))} is not a loopback name: the emulator answers only this machine.`;
  const origin = headers.origin;
  if (origin !== undefined) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      url = null;
    }
    if (!url || url.host.toLowerCase() !== host.toLowerCase())
      return "Requests from other web pages are refused (their Origin is not the emulator's).";
  }
  return null;
}
