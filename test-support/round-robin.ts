/**
 * A loopback load balancer for tests: each request goes to the next
 * instance in turn (no stickiness), as an ALB without session affinity
 * spreads a browser's requests over every task.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobin {
  url: string;
  /** How many requests each instance got. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobin(instances: string[], port = 0): Promise<RoundRobin> {
  const targets = instances.map((u) => new URL(u));
  const served = targets.map(() => 0);
  let next = 0;
  const server: Server = createServer((req, res) => {
    const i = next++ % targets.length;
    served[i]!++;
    const target = targets[i]!;
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
