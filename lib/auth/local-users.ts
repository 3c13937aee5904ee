import "server-only";
/**
 * Local users as they are now: AUTH_USERS_FILE is re-read whenever it
 * changes (one stat per request), so a user removed or demoted there loses
 * access or rights on their next request. A file that becomes unreadable or
 * invalid lets nobody in until it is fixed.
 */
import { statSync } from "node:fs";
import { readUsersFile, type LocalUser } from "./config";

let cached: { file: string; mtimeMs: number; size: number; users: LocalUser[] | null } | undefined;

export function currentLocalUsers(file: string): LocalUser[] {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    console.error(
      `[auth] AUTH_USERS_FILE ${file} cannot be read: nobody can sign in until it can.`,
    );
    return [];
  }
  if (
    !cached ||
    cached.file !== file ||
    cached.mtimeMs !== stat.mtimeMs ||
    cached.size !== stat.size
  ) {
    let users: LocalUser[] | null;
    try {
      users = readUsersFile(file);
    } catch (error) {
      console.error(`[auth] ${(error as Error).message}: nobody can sign in until it is fixed.`);
      users = null;
    }
    cached = { file, mtimeMs: stat.mtimeMs, size: stat.size, users };
  }
  return cached.users ?? [];
}

export function findLocalUser(file: string, username: string): LocalUser | undefined {
  return currentLocalUsers(file).find((u) => u.username === username);
}
