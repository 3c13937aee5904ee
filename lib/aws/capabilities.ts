import "server-only";
/**
 * What the backend can tell and do. Real AWS and the mTLS Console emulator
 * report everything; LocalStack (and the emulator in --compat localstack)
 * and moto drop mutualTlsAuthentication and cannot run UpdateDomainName
 * (./backend-support.ts). Any other endpoint is "unknown": what it cannot
 * be seen to report is stated as unknown, never assumed.
 *
 * A custom endpoint is probed once (node:http, not fetch: fetch refuses
 * ports such as 5060 by the browser standard) and the answer is kept; the
 * embedded emulator is asked in-process, since tests switch its mode.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { gap, type BackendName } from "./backend-support";
import { getBackend } from "./config";

export interface Capabilities {
  backend: BackendName | "unknown-endpoint";
  /** true: an absent mutualTlsAuthentication means off; false: never reported; "unknown": cannot tell. */
  mtlsFields: boolean | "unknown";
  /** false: UpdateDomainName is known not to work; "unknown": it is tried, and a failure says so. */
  updateDomainName: boolean | "unknown";
  /** false: the backend has no API Gateway v2 at all, so a domain has no HTTP API mappings there. */
  apigatewayv2: boolean;
}

function known(backend: BackendName): Capabilities {
  return {
    backend,
    mtlsFields: !gap(backend, "mtls-fields"),
    updateDomainName: !gap(backend, "update-domain-name"),
    apigatewayv2: !gap(backend, "apigatewayv2"),
  };
}

const UNKNOWN: Capabilities = {
  backend: "unknown-endpoint",
  mtlsFields: "unknown",
  updateDomainName: "unknown",
  apigatewayv2: true,
};

/** AWS's own host names (including VPC and FIPS endpoints): real AWS. */
export function isAwsHost(endpoint: string): boolean {
  try {
    const host = new URL(endpoint).hostname.toLowerCase();
    return /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/.test(host);
  } catch {
    return false;
  }
}

type Probe = { status: number; body: string; json?: Record<string, unknown> } | "unreachable";

/** GET `path` with node:http(s): status and body (at most 64 KB read; JSON parsed). */
function get(endpoint: string, path: string, timeoutMs = 2_000): Promise<Probe> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(path, endpoint);
    } catch {
      return resolve("unreachable");
    }
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, { method: "GET", timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= 65_536) chunks.push(c);
        else res.destroy();
      });
      res.on("close", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(body) as Record<string, unknown>;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body, ...(json ? { json } : {}) });
      });
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve("unreachable"));
    req.end();
  });
}

/** Which backend answers at `endpoint`; null when nothing answered (asked again next time). */
export async function detectBackend(endpoint: string): Promise<Capabilities | null> {
  if (isAwsHost(endpoint)) return known("aws");
  const ours = await get(endpoint, "/_emulator/health");
  if (ours === "unreachable") return null;
  if (ours.status === 200 && ours.json?.status === "ok")
    return known(ours.json.compat === "localstack" ? "localstack" : "emulator");
  const localstack = await get(endpoint, "/_localstack/health");
  if (localstack !== "unreachable" && localstack.status === 200 && localstack.json?.services)
    return known("localstack");
  // moto_server's dashboard (its title is "Moto"); its /moto-api/data.json is the whole state, too big to ask for.
  const moto = await get(endpoint, "/moto-api/");
  if (
    moto !== "unreachable" &&
    moto.status === 200 &&
    /<title>\s*Moto\s*<\/title>/i.test(moto.body)
  )
    return known("moto");
  return UNKNOWN;
}

const detected = new Map<string, Promise<Capabilities | null>>();

/** The capabilities of the API Gateway endpoint in use, probed once per endpoint. */
export async function getCapabilities(): Promise<Capabilities> {
  const backend = await getBackend();
  if (backend.liveCompat)
    return known(backend.liveCompat() === "localstack" ? "localstack" : "emulator");
  const endpoint = backend.serviceEndpoints.apigateway ?? backend.endpoint;
  if (!endpoint) return known("aws");
  let found = detected.get(endpoint);
  if (!found) {
    detected.set(endpoint, (found = detectBackend(endpoint)));
    // Nothing answered (not started yet): ask again next time.
    void found.then((c) => c ?? detected.delete(endpoint));
  }
  return (await found) ?? { ...UNKNOWN };
}

/** Whether an absent mutualTlsAuthentication means "off" on this backend. */
export async function mtlsReported(): Promise<boolean> {
  return (await getCapabilities()).mtlsFields === true;
}
