/** Waits until a URL answers 2xx (a server just started), polling every 250 ms; throws past the deadline. */
export async function waitForOk(url: string, timeoutMs: number, what = url): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until) throw new Error(`${what} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
