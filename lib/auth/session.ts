import "server-only";
/**
 * Who is using the dashboard. The demo and AUTH_MODE=none have one built-in
 * user; local and OIDC modes read the signed session cookie.
 */
import { getServerSession } from "next-auth";
import { getAuthConfig, type AuthMode } from "./config";
import { getAuthOptions } from "./options";
import type { Role } from "./roles";

export type { Permission, Role } from "./roles";
export { allows } from "./roles";

export interface Session {
  user: string;
  role: Role;
  mode: AuthMode;
}

export async function getSession(): Promise<Session | null> {
  const config = getAuthConfig();
  if (config.mode === "demo") return { user: "demo-operator", role: "operator", mode: "demo" };
  if (config.mode === "none") return { user: "anonymous (AUTH_MODE=none)", role: "operator", mode: "none" };
  const session = await getServerSession(getAuthOptions());
  const user = session?.user;
  if (!user) return null;
  const role = (user as { role?: Role }).role === "operator" ? "operator" : "viewer";
  return { user: user.email ?? user.name ?? "unknown", role, mode: config.mode };
}
