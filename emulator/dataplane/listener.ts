/**
 * The data plane's one TLS listener: the domain is chosen by SNI, its server
 * certificate presented (an imported ACM certificate with its own key, or
 * one from the emulator's local CA), a client certificate requested, and
 * the request answered as API Gateway would (./serve.ts).
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { createSecureContext, type SecureContext, type TLSSocket } from "node:tls";
import type { Context } from "../http";
import { findDomainByHost, serveRequest } from "./serve";
import { mintedIdentity, type ServerIdentity } from "./local-ca";

const DEFAULT_ENDPOINT = /^[a-z0-9]{10}\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/;

async function identityFor(ctx: Context, host: string): Promise<ServerIdentity | null> {
  const domain = findDomainByHost(ctx, host);
  if (domain) {
    const cert = domain.regionalCertificateArn
      ? ctx.state.certificates[domain.regionalCertificateArn]
      : undefined;
    if (cert?.type === "IMPORTED" && cert.privateKeyPem)
      return {
        certPem: `${cert.certificatePem}\n${cert.chainPem ?? ""}`,
        keyPem: cert.privateKeyPem,
      };
    return mintedIdentity(ctx, host);
  }
  return DEFAULT_ENDPOINT.test(host) ? mintedIdentity(ctx, host) : null;
}

/** Every PEM of the chain the client presented, its certificate first. */
function presentedChain(socket: TLSSocket): string[] {
  const out: string[] = [];
  let cert = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(
      `-----BEGIN CERTIFICATE-----\n${cert.raw.toString("base64")}\n-----END CERTIFICATE-----\n`,
    );
    cert = cert.issuerCertificate;
  }
  return out;
}

export async function startDataPlane(
  ctx: Context,
  port: number,
  host = "127.0.0.1",
): Promise<{ port: number; server: Server }> {
  const contexts = new Map<string, SecureContext>();
  const fallback = await mintedIdentity(ctx, "localhost");
  const server = createServer(
    {
      cert: fallback.certPem,
      key: fallback.keyPem,
      requestCert: true,
      rejectUnauthorized: false,
      SNICallback: (servername, done) => {
        const name = servername.toLowerCase();
        identityFor(ctx, name).then(
          (identity) => {
            if (!identity) return done(new Error(`No custom domain name ${name}`));
            const key = `${name}\u0000${identity.certPem}`;
            let secure = contexts.get(key);
            if (!secure) {
              secure = createSecureContext({ cert: identity.certPem, key: identity.keyPem });
              contexts.set(key, secure);
            }
            done(null, secure);
          },
          (error: Error) => done(error),
        );
      },
    },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      const servername = typeof socket.servername === "string" ? socket.servername : "";
      const host = (servername || String(req.headers.host ?? "")).replace(/:\d+$/, "");
      req.resume();
      serveRequest(ctx, {
        host,
        method: req.method ?? "GET",
        path: req.url ?? "/",
        clientChain: presentedChain(socket),
        sourceIp: socket.remoteAddress?.replace(/^::ffff:/, "") ?? "",
        headers: req.headers,
        at: ctx.now(),
      }).then(
        (answer) => {
          const body = JSON.stringify(answer.body);
          res.writeHead(answer.status, {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            ...(answer.errorType || answer.status === 403
              ? { "x-amzn-errortype": answer.errorType ?? "ForbiddenException" }
              : {}),
            // The emulator says why (AWS writes it to the execution log only).
            ...(answer.reason ? { "x-mtls-console-emulator-reason": answer.reason } : {}),
          });
          res.end(body);
        },
        (error: Error) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ message: "Internal server error", detail: error.message }));
        },
      );
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, server };
}
