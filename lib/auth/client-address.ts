/**
 * The client's address for sign-in throttling, from X-Forwarded-For.
 *
 * `next start` sets X-Forwarded-For to the socket's address only when the
 * request has none, so a client talking to it directly can name any address
 * it likes. Behind N reverse proxies that each append the address they saw
 * (AUTH_TRUSTED_PROXY_HOPS=N), the N-th entry from the right is the one the
 * outermost proxy saw: that one cannot be forged. With no trusted proxy the
 * per-address limit can be dodged by a forged header; the per-name limit and
 * the global ceiling still hold (README, Security).
 */
export function clientAddress(
  forwardedFor: string | null | undefined,
  trustedProxyHops: number,
): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const index =
    trustedProxyHops > 0 ? Math.max(0, entries.length - trustedProxyHops) : entries.length - 1;
  return entries[index]!.slice(0, 64);
}
