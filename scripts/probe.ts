/**
 * `truststore probe`: one real TLS handshake and request with a client
 * certificate, reported in API Gateway's terms. Works against the
 * emulator's data plane and real custom domain names.
 */
import { request } from "node:https";
import type { TLSSocket } from "node:tls";
import { EXIT, type ExitCode } from "./cli-exit";

export interface ProbeOptions {
  url: string;
  cert?: string;
  key?: string;
  ca?: string;
  insecure?: boolean;
  /** Dial this IP:PORT, keeping the URL's name for SNI and Host (like curl --resolve). */
  connect?: string;
  timeoutMs?: number;
}

export interface ProbeResult {
  outcome: "accepted" | "refused" | "handshake-refused" | "unreachable" | "untrusted-server";
  url: string;
  connectedTo: string;
  status?: number;
  /** Why it was refused, where the server says (the emulator does; AWS writes it to its execution log). */
  reason?: string;
  server?: { subject: string; issuer: string; validTo: string };
  body?: string;
  message: string;
}

const PROBE_EXIT: Record<ProbeResult["outcome"], ExitCode> = {
  accepted: EXIT.clean,
  refused: EXIT.warnings,
  "handshake-refused": EXIT.warnings,
  "untrusted-server": EXIT.errors,
  unreachable: EXIT.unreachable,
};

export const probeExitCode = (r: ProbeResult) => PROBE_EXIT[r.outcome];

const UNTRUSTED = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ETIMEDOUT",
]);

/** Rejects a URL or --connect it cannot use. */
export async function probe(options: ProbeOptions): Promise<ProbeResult> {
  const url = new URL(options.url);
  if (url.protocol !== "https:")
    throw new Error(`probe wants an https:// URL, not ${url.protocol}`);
  const port = Number(url.port || 443);
  const [connectHost, connectPort] = options.connect
    ? (/^(.+):(\d+)$/.exec(options.connect)?.slice(1) ?? [])
    : [url.hostname, String(port)];
  if (!connectHost || !connectPort)
    throw new Error(`--connect wants IP:PORT, not "${options.connect}"`);
  const connectedTo = `${connectHost}:${connectPort}`;
  const base = { url: url.toString(), connectedTo };
  return new Promise((resolve) => {
    let server: ProbeResult["server"];
    const req = request(
      {
        host: connectHost.replace(/^\[|\]$/g, ""),
        port: Number(connectPort),
        servername: url.hostname,
        path: `${url.pathname}${url.search}`,
        headers: { host: url.host, "user-agent": "mtls-console-probe" },
        ...(options.cert ? { cert: options.cert } : {}),
        ...(options.key ? { key: options.key } : {}),
        ...(options.ca ? { ca: options.ca } : {}),
        rejectUnauthorized: !options.insecure,
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => {
          if (body.length < 2048) body += c.toString("utf8");
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const reason = res.headers["x-mtls-console-emulator-reason"];
          const refused = status === 403;
          resolve({
            ...base,
            outcome: refused ? "refused" : "accepted",
            status,
            ...(reason ? { reason: String(reason) } : {}),
            ...(server ? { server } : {}),
            body: body.slice(0, 2048),
            message: refused
              ? `Refused: HTTP 403 Forbidden${reason ? ` (${String(reason)})` : " (API Gateway writes the reason to the stage's execution log)"}`
              : `Accepted: the TLS handshake completed and the API answered HTTP ${status}`,
          });
        });
      },
    );
    req.on("socket", (socket) => {
      socket.on("secureConnect", () => {
        const peer = (socket as TLSSocket).getPeerCertificate();
        if (peer?.subject)
          server = {
            subject: Object.entries(peer.subject)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(", "),
            issuer: Object.entries(peer.issuer)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(", "),
            validTo: peer.valid_to,
          };
      });
    });
    req.on("timeout", () =>
      req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })),
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      const code = error.code ?? "";
      if (UNTRUSTED.has(code))
        return resolve({
          ...base,
          outcome: "untrusted-server",
          message: `The server's certificate is not trusted (${code}): pass --ca FILE, or --insecure`,
        });
      if (UNREACHABLE.has(code))
        return resolve({
          ...base,
          outcome: "unreachable",
          message: `Cannot reach ${connectedTo} (${code})`,
        });
      resolve({
        ...base,
        outcome: "handshake-refused",
        message: `The TLS handshake was refused (${code || error.message})`,
      });
    });
    req.end();
  });
}

export function formatProbe(r: ProbeResult): string {
  const lines = [r.message, `  ${r.url} via ${r.connectedTo}`];
  if (r.server)
    lines.push(
      `  server certificate: ${r.server.subject} (issuer ${r.server.issuer}, until ${r.server.validTo})`,
    );
  if (r.body) lines.push(`  body: ${r.body.slice(0, 300)}`);
  return `${lines.join("\n")}\n`;
}
