import "server-only";
/**
 * Changes to a domain's mutual TLS: switch (activate, roll back, roll
 * forward) to an exact truststore version, upload a new version and
 * activate it, disable mTLS, disable a REST API's default endpoint, enable
 * bucket versioning. Each checks before it changes anything.
 */
import { createHash } from "node:crypto";
import { checkTruststore, MAX_TRUSTSTORE_BYTES, MAX_TRUSTSTORE_CERTIFICATES } from "../truststore";
import {
  disableExecuteApiEndpoint,
  disableMutualTls,
  getDomainName,
  getRestApi,
  setTruststoreVersion,
} from "../aws/api-gateway";
import {
  enableBucketVersioning,
  getBucketVersioning,
  listObjectVersions,
  parseS3Uri,
  putTruststoreObject,
  type S3Location,
} from "../aws/s3";
import { AwsFailure } from "../aws/errors";
import { getCapabilities } from "../aws/capabilities";
import { getBackend } from "../aws/config";
import { lastChange } from "../auth/audit";
import { withDomainLock } from "./locks";
import { checkVersion } from "./truststores";
import { DomainError } from "./errors";
import type { MtlsDomain, RestApiSummary } from "./types";

export interface DomainRef {
  domainName: string;
  region?: string;
}

/** Who asks for a change (the session's user), for locks and conflict messages. */
export interface Actor {
  actor: string;
}

async function regionOf(ref: DomainRef): Promise<string> {
  return ref.region ?? (await getBackend()).defaultRegion;
}

async function requireMtlsDomain(
  ref: DomainRef,
): Promise<{ domain: MtlsDomain; location: S3Location }> {
  const domain = await getDomainName(ref.domainName, ref.region);
  if (!domain)
    throw new DomainError(
      "not-found",
      `The custom domain name ${ref.domainName} does not exist (any more).`,
    );
  if (!domain.mtls)
    throw new DomainError("mtls-off", `Mutual TLS is not enabled on ${ref.domainName}.`);
  const location = parseS3Uri(domain.mtls.truststoreUri);
  if (!location)
    throw new DomainError(
      "truststore-refused",
      "The domain's truststore URI is not of the form s3://bucket/key.",
    );
  return { domain, location };
}

async function requireUpdatable(domain: MtlsDomain): Promise<void> {
  const capabilities = await getCapabilities();
  if (!capabilities.updateDomainName) {
    throw new DomainError(
      "unsupported",
      "This AWS endpoint (LocalStack) does not implement UpdateDomainName, so truststore versions cannot be switched and mTLS cannot be disabled here. Use real AWS or the mTLS Console emulator.",
    );
  }
  if (domain.status === "UPDATING") {
    throw new DomainError(
      "conflict",
      `${domain.domainName} is being updated right now. Wait until it is AVAILABLE, then try again.`,
    );
  }
  if (domain.status === "PENDING_OWNERSHIP_VERIFICATION") {
    throw new DomainError(
      "status-locked",
      "Updates to this domain name are locked until a valid ownership verification certificate is set.",
    );
  }
}

/**
 * Optimistic concurrency: the change applies only to the version the user
 * saw. If the domain changed since, nothing is changed and the message says
 * who changed it and when (from the audit trail).
 */
async function checkExpected(
  domain: MtlsDomain,
  region: string,
  expectedVersion: string | undefined,
) {
  const current = domain.mtls?.truststoreVersion ?? "";
  if (expectedVersion === undefined || current === expectedVersion) return;
  const last = await lastChange(domain.domainName, region).catch(() => undefined);
  const who = last
    ? `${last.user} changed it at ${last.at.slice(0, 19).replace("T", " ")} UTC (${last.action}${last.toVersion ? ` → ${last.toVersion.slice(0, 12)}…` : ""})`
    : "it was changed outside this dashboard";
  throw new DomainError(
    "conflict",
    `${domain.domainName} changed since this page was loaded: ${who}. Nothing was changed. Reload to see the current state before changing it.`,
    {
      currentVersion: current || null,
      ...(last ? { changedBy: last.user, changedAt: last.at } : {}),
    },
  );
}

/** Unwraps AWS's refusal of an update into words (LocalStack's 501 included). */
function explainUpdateFailure(error: unknown): never {
  if (error instanceof AwsFailure && (error.status === 501 || error.code === "InternalFailure")) {
    throw new DomainError(
      "unsupported",
      "This AWS endpoint does not implement UpdateDomainName (LocalStack does not). Use real AWS or the mTLS Console emulator.",
    );
  }
  throw error;
}

export interface ActivationResult {
  domain: MtlsDomain;
  previousVersion?: string;
  requestId?: string;
}

export async function activateVersion(
  ref: DomainRef & Actor & { versionId: string; expectedCurrentVersion?: string },
): Promise<ActivationResult> {
  const region = await regionOf(ref);
  return withDomainLock(ref.domainName, region, ref.actor, () =>
    activateLocked({ ...ref, region }),
  );
}

async function activateLocked(
  ref: DomainRef & { region: string; versionId: string; expectedCurrentVersion?: string },
): Promise<ActivationResult> {
  const { domain, location } = await requireMtlsDomain(ref);
  await checkExpected(domain, ref.region, ref.expectedCurrentVersion);
  await requireUpdatable(domain);
  const versions = await listObjectVersions(location, ref.region);
  const target = versions.find((v) => v.versionId === ref.versionId);
  if (!target || target.deleteMarker)
    throw new DomainError(
      "version-missing",
      `Version ${ref.versionId} of ${domain.mtls!.truststoreUri} does not exist.`,
    );
  const checked = await checkVersion(location, ref.versionId, ref.region);
  if (checked.report.verdict === "error") {
    throw new DomainError(
      "truststore-refused",
      "That version is not a usable truststore (it has file-level errors), so it cannot be activated.",
    );
  }
  try {
    return activationResult(domain, await setTruststoreVersion(ref.domainName, ref.versionId, ref.region));
  } catch (error) {
    explainUpdateFailure(error);
  }
}

function activationResult(before: MtlsDomain, update: { domain: MtlsDomain; requestId?: string }): ActivationResult {
  const out: ActivationResult = { domain: update.domain };
  if (before.mtls?.truststoreVersion) out.previousVersion = before.mtls.truststoreVersion;
  if (update.requestId) out.requestId = update.requestId;
  return out;
}

export interface UploadResult {
  versionId: string;
  /** The version that stays active when the activation failed. */
  previousVersion?: string;
  /** The activation, or why it failed after the upload succeeded. */
  activation: { ok: true; result: ActivationResult } | { ok: false; message: string };
}

export async function uploadAndActivate(
  ref: DomainRef &
    Actor & { pem: string; acknowledgeWarnings: boolean; expectedCurrentVersion?: string },
): Promise<UploadResult> {
  const bytes = new TextEncoder().encode(ref.pem);
  if (bytes.length > MAX_TRUSTSTORE_BYTES) {
    throw new DomainError(
      "truststore-refused",
      `The file is ${bytes.length.toLocaleString("en-US")} bytes; API Gateway accepts at most 1,000,000.`,
    );
  }
  // API Gateway's certificate quota, counted before anything is parsed.
  const blocks = ref.pem.split("-----BEGIN CERTIFICATE-----").length - 1;
  if (blocks > MAX_TRUSTSTORE_CERTIFICATES) {
    throw new DomainError("truststore-refused", `The file holds ${blocks.toLocaleString("en-US")} certificates; API Gateway accepts at most 1,000.`);
  }
  // The server checks again: it never trusts the browser's verdict.
  const report = await checkTruststore(bytes);
  const errors = report.findings.filter((f) => f.severity === "error");
  if (errors.length) {
    throw new DomainError(
      "truststore-refused",
      `The file was refused and nothing was uploaded: ${errors.map((f) => `${f.rule}: ${f.message}`).join(" ")}`,
      { rules: errors.map((f) => f.rule) },
    );
  }
  const warnings = report.findings.filter((f) => f.severity === "warning");
  if (warnings.length && !ref.acknowledgeWarnings) {
    throw new DomainError(
      "warnings-not-acknowledged",
      `The file has ${warnings.length} warning(s); acknowledge them to upload it anyway.`,
    );
  }
  const region = await regionOf(ref);
  return withDomainLock(ref.domainName, region, ref.actor, async () => {
    const { domain, location } = await requireMtlsDomain(ref);
    await checkExpected(domain, region, ref.expectedCurrentVersion);
    await requireUpdatable(domain);
    const versioning = await getBucketVersioning(location.bucket, ref.region);
    if (versioning !== "Enabled") {
      throw new DomainError(
        "bucket-unversioned",
        `The bucket ${location.bucket} does not have versioning enabled (${versioning.toLowerCase()}), so a new upload would overwrite the truststore in place and there would be nothing to roll back to. Enable versioning first.`,
        { bucket: location.bucket },
      );
    }
    const { versionId } = await putTruststoreObject(
      location,
      bytes,
      {
        uploadedBy: ref.actor,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        certificateCount: report.certificates.length,
      },
      ref.region,
    );
    try {
      const result = await activateLocked({ domainName: ref.domainName, region, versionId });
      return { versionId, activation: { ok: true, result } } satisfies UploadResult;
    } catch (error) {
      const message =
        error instanceof DomainError || error instanceof AwsFailure
          ? error.message
          : "The activation failed.";
      return {
        versionId,
        previousVersion: domain.mtls?.truststoreVersion,
        activation: { ok: false, message },
      } satisfies UploadResult;
    }
  });
}

export async function disableMtls(
  ref: DomainRef & Actor & { expectedCurrentVersion?: string },
): Promise<ActivationResult> {
  const region = await regionOf(ref);
  return withDomainLock(ref.domainName, region, ref.actor, () => disableLocked({ ...ref, region }));
}

async function disableLocked(
  ref: DomainRef & { region: string; expectedCurrentVersion?: string },
): Promise<ActivationResult> {
  const { domain } = await requireMtlsDomain(ref);
  await checkExpected(domain, ref.region, ref.expectedCurrentVersion);
  await requireUpdatable(domain);
  try {
    return activationResult(domain, await disableMutualTls(ref.domainName, ref.region));
  } catch (error) {
    explainUpdateFailure(error);
  }
}

export async function disableDefaultEndpoint(ref: {
  restApiId: string;
  region?: string;
}): Promise<{ api: RestApiSummary; requestId?: string }> {
  const api = await getRestApi(ref.restApiId, ref.region);
  if (!api)
    throw new DomainError("not-found", `The REST API ${ref.restApiId} does not exist (any more).`);
  if (api.disableExecuteApiEndpoint) return { api };
  return disableExecuteApiEndpoint(ref.restApiId, ref.region);
}

export async function enableVersioning(ref: DomainRef): Promise<{ bucket: string }> {
  const domain = await getDomainName(ref.domainName, ref.region);
  const location = domain?.mtls ? parseS3Uri(domain.mtls.truststoreUri) : null;
  if (!location)
    throw new DomainError("mtls-off", `Mutual TLS is not enabled on ${ref.domainName}.`);
  await enableBucketVersioning(location.bucket, ref.region);
  return { bucket: location.bucket };
}
