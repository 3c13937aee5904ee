import "server-only";
/**
 * Who is using the dashboard and what they may do. Until sign-in exists,
 * every request acts as one local operator; the action wrapper already asks
 * here for every call, so sign-in and roles plug in at this one place.
 */
export type Role = "viewer" | "operator";
export type Permission = "read" | "change";

export interface Session {
  user: string;
  role: Role;
}

export async function getSession(): Promise<Session | null> {
  return { user: "local-operator", role: "operator" };
}

export function allows(session: Session, permission: Permission): boolean {
  return permission === "read" || session.role === "operator";
}
