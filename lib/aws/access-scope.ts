/**
 * Which of a fleet account's roles a call uses: the viewer role, unless the
 * call runs inside a change (`asOperator`: the action wrapper and the CLIs'
 * recorded changes), where it is the operator role. Outside a change a
 * write would go out with read-only credentials and be refused by AWS: the
 * safe way to fail.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type Access = "read" | "change";

const scope = new AsyncLocalStorage<Access>();

export function asOperator<T>(run: () => Promise<T>): Promise<T> {
  return scope.run("change", run);
}

export function currentAccess(): Access {
  return scope.getStore() ?? "read";
}
