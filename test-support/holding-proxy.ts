/**
 * A loopback HTTP proxy in front of an AWS endpoint, for fault tests: it
 * forwards every request, except that it can hold the next request that
 * matches (method and path) for a while before forwarding it. A held
 * request is forwarded even when its caller has given up meanwhile, as a
 * slow network delivers a request its sender no longer waits for.
 */
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Hold {
  method: string;
  pathIncludes: string;
  ms: number;
}

export interface HoldingProxy {
  url: string;
  /** Holds the next matching request; `held` resolves when it arrives, `delivered` once the upstream answered it. */
  hold(spec: Hold): { held: Promise<void>; delivered: Promise<number> };
  /** Requests seen, as "METHOD path". */
  seen: string[];
  close(): Promise<void>;
}

function forward(upstream: URL, req: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      resolve,
    );
    out.on("error", reject);
    out.end(body);
  });
}

export async function startHoldingProxy(upstreamUrl: string): Promise<HoldingProxy> {
  const upstream = new URL(upstreamUrl);
  const holds: (Hold & { onHeld: () => void; onDelivered: (status: number) => void })[] = [];
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        seen.push(`${req.method} ${req.url}`);
        const i = holds.findIndex(
          (h) => h.method === req.method && (req.url ?? "").includes(h.pathIncludes),
        );
        const hold = i >= 0 ? holds.splice(i, 1)[0] : undefined;
        if (hold) {
          hold.onHeld();
          await new Promise((r) => setTimeout(r, hold.ms));
        }
        try {
          const answer = await forward(upstream, req, Buffer.concat(chunks));
          const body: Buffer[] = [];
          answer.on("data", (c: Buffer) => body.push(c));
          answer.on("end", () => {
            hold?.onDelivered(answer.statusCode ?? 0);
            if (res.destroyed) return;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
        } catch {
          if (!res.destroyed) res.writeHead(502).end();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    hold(spec) {
      let onHeld!: () => void;
      let onDelivered!: (status: number) => void;
      const held = new Promise<void>((r) => (onHeld = r));
      const delivered = new Promise<number>((r) => (onDelivered = r));
      holds.push({ ...spec, onHeld, onDelivered });
      return { held, delivered };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
