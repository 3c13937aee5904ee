/**
 * Roles and what they may do: viewers read everything, operators also change.
 */
export type Role = "viewer" | "operator";
export type Permission = "read" | "change";

export function allows(role: Role, permission: Permission): boolean {
  return permission === "read" || role === "operator";
}
