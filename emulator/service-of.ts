/**
 * Which service a request is for, the way AWS tells: the signature's
 * credential scope, X-Amz-Target, or the path; and an S3 bucket named by a
 * virtual host.
 */
import type { IncomingMessage } from "node:http";
import type { Service } from "./http";

export function serviceOf(
  req: IncomingMessage,
  rawPath: string,
): { service: Service; region: string } {
  const auth = req.headers.authorization ?? "";
  const url = new URL(req.url ?? "/", "http://localhost");
  const credential =
    /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth)?.slice(1) ??
    url.searchParams.get("X-Amz-Credential")?.split("/").slice(2, 4);
  const region = credential?.[0] ?? "us-east-1";
  const scope = credential?.[1];
  if (
    scope === "acm" ||
    String(req.headers["x-amz-target"] ?? "").startsWith("CertificateManager.")
  )
    return { service: "acm", region };
  if (scope === "logs" || String(req.headers["x-amz-target"] ?? "").startsWith("Logs_20140328."))
    return { service: "logs", region };
  if (scope === "apigateway") return { service: "apigateway", region };
  if (scope === "s3") return { service: "s3", region };
  if (scope === "sts") return { service: "sts", region };
  if (scope === "account") return { service: "account", region };
  if (scope === "lambda" || rawPath.startsWith("/2015-03-31/"))
    return { service: "lambda", region };
  if (/^\/(domainnames|restapis)(\/|$)/.test(rawPath)) return { service: "apigateway", region };
  return { service: "s3", region };
}

/** `bucket.localhost:4566` or `bucket.s3.localhost.localstack.cloud:4566` → bucket. */
export function virtualHostBucket(host: string | undefined): string | undefined {
  const hostname = (host ?? "").replace(/:\d+$/, "");
  if (
    !hostname ||
    /^[\d.]+$/.test(hostname) ||
    hostname.startsWith("[") ||
    hostname === "localhost"
  )
    return undefined;
  const s3Match = /^(.+?)\.s3[.-]/.exec(hostname);
  if (s3Match) return s3Match[1];
  const local = /^(.+)\.localhost$/.exec(hostname);
  return local?.[1];
}
