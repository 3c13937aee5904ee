import "server-only";
/**
 * Every page checks the session itself: the proxy's redirect is a
 * convenience, not the only lock. No session: off to sign-in, whatever
 * headers the request carried.
 */
import { redirect } from "next/navigation";
import { getSession, type Session } from "./session";

export async function requirePageSession(path: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return session;
}
