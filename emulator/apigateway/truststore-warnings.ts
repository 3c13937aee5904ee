/**
 * truststoreWarnings as API Gateway computes them at create and update
 * time: from the exact S3 object version, by the same truststore engine.
 */
import { checkTruststore } from "../../lib/truststore";
import type { Context } from "../http";
import { readObjectForTruststore } from "../s3/router";
import { badRequest } from "./common";

export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) throw badRequest(`Invalid truststore URI ${uri}: it must look like s3://bucket/key.`);
  return { bucket: match[1]!, key: match[2]! };
}

/**
 * Reads the truststore object version the domain points to and turns every
 * warning-level finding into one truststoreWarnings string, as API Gateway
 * does at create and update time. A file the engine refuses fails the call.
 */
export async function truststoreWarnings(
  ctx: Context,
  uri: string,
  version: string | undefined,
): Promise<{ version: string | undefined; warnings: string[] }> {
  const { bucket, key } = parseS3Uri(uri);
  const object = readObjectForTruststore(ctx.state, bucket, key, version);
  if ("error" in object) throw badRequest(object.error);
  const report = await checkTruststore(object.body, { at: new Date(ctx.now()) });
  const errors = report.findings.filter((f) => f.severity === "error");
  if (errors.length) {
    throw badRequest(
      `Invalid truststore ${uri}${version ? ` (version ${version})` : ""}: ${errors.map((f) => `${f.rule}: ${f.message}`).join(" ")}`,
    );
  }
  const warnings = report.findings
    .filter((f) => f.severity === "warning")
    .map((f) => `${f.rule}: ${f.message}`);
  return { version: object.versionId, warnings };
}

/** Fills a domain's truststoreWarnings, and pins the version read when none was given. */
export async function applyTruststoreWarnings(
  ctx: Context,
  mutualTls: { truststoreUri: string; truststoreVersion?: string; truststoreWarnings: string[] },
): Promise<void> {
  const result = await truststoreWarnings(
    ctx,
    mutualTls.truststoreUri,
    mutualTls.truststoreVersion,
  );
  mutualTls.truststoreWarnings = result.warnings;
  if (result.version && result.version !== "null") mutualTls.truststoreVersion = result.version;
}
