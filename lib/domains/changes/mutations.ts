import "server-only";
/**
 * Changes to a domain's truststore: switch (activate, roll back, roll
 * forward) to an exact truststore version, upload a new version and
 * activate it, disable mTLS. Each holds the domain's lock, passes the
 * guards (./change-guards.ts) before it changes anything, writes its
 * intent first, and makes every AWS write through the lease
 * (./locks.ts). Disabling a default endpoint is ./default-endpoint.ts,
 * enabling bucket versioning ./bucket-versioning.ts.
 */
import { createHash } from "node:crypto";
import {
  checkTruststore,
  MAX_TRUSTSTORE_BYTES,
  MAX_TRUSTSTORE_CERTIFICATES,
  type TruststoreReport,
} from "../../truststore";
import { removeMutualTls, setTruststoreVersion } from "../../aws/api-gateway";
import {
  getBucketVersioning,
  listObjectVersions,
  putTruststoreObject,
  type S3Location,
} from "../../aws/s3";
import { AwsFailure } from "../../aws/errors";
import {
  checkExpected,
  explainUpdateFailure,
  requireApplied,
  requireLockoutConfirmation,
  requireUpdatable,
} from "./change-guards";
import { requireMtlsDomain } from "../shared/domain-lookup";
import { withDomainLock, type Lease } from "./locks";
import { checkVersion } from "../versions/truststores";
import { recordSummary } from "../versions/version-summaries";
import { DomainError } from "../shared/errors";
import type { MtlsDomain } from "../../model/domain";
import { changeOf, NO_RECORD, type Actor, type DomainRef, type Seen } from "./change-refs";

export type { Actor, DomainRef, Seen } from "./change-refs";

/** The active version's report, when the domain has one that can be read. */
async function activeReport(
  domain: MtlsDomain,
  location: S3Location,
  region: string,
): Promise<TruststoreReport | undefined> {
  try {
    return (await checkVersion(location, domain.mtls?.truststoreVersion || undefined, region))
      .report;
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/**
 * A change of the domain's truststore settings: under the domain's lock,
 * after the guards every such change passes (mTLS on, still at the version
 * the user saw, updatable now).
 */
async function changeTruststore<T>(
  ref: DomainRef & Actor & Seen,
  change: (guarded: {
    domain: MtlsDomain;
    location: S3Location;
    region: string;
    lease: Lease;
  }) => Promise<T>,
  action: string,
): Promise<T> {
  const region = ref.region;
  return withDomainLock(
    ref.domainName,
    region,
    ref.actor,
    async (lease) => {
      const { domain, location } = await requireMtlsDomain({ ...ref, region });
      await checkExpected(domain, region, ref.expectedCurrentVersion);
      await requireUpdatable(domain);
      return change({ domain, location, region, lease });
    },
    { action },
  );
}

export interface ActivationResult {
  domain: MtlsDomain;
  previousVersion?: string;
  /** Disabling: the truststore the domain had, for the audit trail (and enabling it again). */
  previousTruststoreUri?: string;
  requestId?: string;
}

export async function activateVersion(
  ref: DomainRef & Actor & Seen & { versionId: string },
): Promise<ActivationResult> {
  return changeTruststore(
    ref,
    async ({ domain, location, region, lease }) => {
      const versions = await listObjectVersions(location, region);
      const target = versions.find((v) => v.versionId === ref.versionId);
      if (!target || target.deleteMarker)
        throw new DomainError(
          "version-missing",
          `Version ${ref.versionId} of ${domain.mtls!.truststoreUri} does not exist.`,
        );
      const checked = await checkVersion(location, ref.versionId, region);
      if (checked.report.verdict === "error") {
        throw new DomainError(
          "truststore-refused",
          "That version is not a usable truststore (it has file-level errors), so it cannot be activated.",
        );
      }
      await requireLockoutConfirmation(
        ref.domainName,
        region,
        await activeReport(domain, location, region),
        checked.report,
        ref.confirmation,
      );
      await (ref.change ?? NO_RECORD).begin({
        ...changeOf(domain, region),
        toVersion: ref.versionId,
      });
      return switchVersion(domain, ref.versionId, region, lease);
    },
    "switching the truststore version",
  );
}

async function switchVersion(
  domain: MtlsDomain,
  versionId: string,
  region: string,
  lease: Lease,
): Promise<ActivationResult> {
  try {
    const update = await lease.write(
      `Switching ${domain.domainName} to truststore version ${versionId}`,
      () => setTruststoreVersion(domain.domainName, versionId, region),
    );
    requireApplied(
      domain.domainName,
      `truststore version ${versionId}`,
      update.domain.mtlsState === "unknown"
        ? undefined
        : update.domain.mtls?.truststoreVersion === versionId,
    );
    return activationResult(domain, update);
  } catch (error) {
    return await explainUpdateFailure(error);
  }
}

function activationResult(
  before: MtlsDomain,
  update: { domain: MtlsDomain; requestId?: string },
): ActivationResult {
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

async function checkUpload(
  pem: string,
  acknowledgeWarnings: boolean,
): Promise<{ bytes: Uint8Array; report: TruststoreReport }> {
  const bytes = new TextEncoder().encode(pem);
  if (bytes.length > MAX_TRUSTSTORE_BYTES) {
    throw new DomainError(
      "truststore-refused",
      `The file is ${bytes.length.toLocaleString("en-US")} bytes; API Gateway accepts at most 1,000,000.`,
    );
  }
  // API Gateway's certificate quota, counted before anything is parsed.
  const blocks = pem.split("-----BEGIN CERTIFICATE-----").length - 1;
  if (blocks > MAX_TRUSTSTORE_CERTIFICATES) {
    throw new DomainError(
      "truststore-refused",
      `The file holds ${blocks.toLocaleString("en-US")} certificates; API Gateway accepts at most 1,000.`,
    );
  }
  // The server checks again: it never trusts the browser's verdict.
  const report = await checkTruststore(bytes);
  const errors = report.findings.filter((f) => f.severity === "error");
  if (errors.length) {
    throw new DomainError(
      "truststore-refused",
      `The file was refused and nothing was uploaded: ${errors.map((f) => `${f.rule}: ${f.message}`).join(" ")}`,
      {
        rules: errors.map((f) => f.rule),
      },
    );
  }
  const warnings = report.findings.filter((f) => f.severity === "warning");
  if (warnings.length && !acknowledgeWarnings) {
    throw new DomainError(
      "warnings-not-acknowledged",
      `The file has ${warnings.length} warning(s); acknowledge them to upload it anyway.`,
    );
  }
  return { bytes, report };
}

export async function uploadAndActivate(
  ref: DomainRef & Actor & Seen & { pem: string; acknowledgeWarnings: boolean },
): Promise<UploadResult> {
  const { bytes, report } = await checkUpload(ref.pem, ref.acknowledgeWarnings);
  return changeTruststore(
    ref,
    async ({ domain, location, region, lease }) => {
      await requireLockoutConfirmation(
        ref.domainName,
        region,
        await activeReport(domain, location, region),
        report,
        ref.confirmation,
      );
      const versioning = await getBucketVersioning(location.bucket, region);
      if (versioning !== "Enabled") {
        throw new DomainError(
          "bucket-unversioned",
          `The bucket ${location.bucket} does not have versioning enabled (${versioning.toLowerCase()}), so a new upload would overwrite the truststore in place and there would be nothing to roll back to. Enable versioning first.`,
          { bucket: location.bucket },
        );
      }
      const metadata = {
        uploadedBy: ref.actor,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        certificateCount: report.certificates.length,
      };
      const change = ref.change ?? NO_RECORD;
      const facts = changeOf(domain, region);
      await change.begin({ ...facts, message: `upload a new version (sha256 ${metadata.sha256})` });
      const { versionId } = await lease.write(
        `Uploading a new truststore version of ${ref.domainName}`,
        () => putTruststoreObject(location, bytes, metadata, region),
      );
      // The intent now names the uploaded version, so a crash from here on shows it.
      await change.begin({ ...facts, toVersion: versionId });
      // Its summary now, from the report at hand: the history never downloads this version.
      await recordSummary(location, versionId, report, metadata);
      try {
        const result = await switchVersion(domain, versionId, region, lease);
        return { versionId, activation: { ok: true, result } } satisfies UploadResult;
      } catch (error) {
        if (error instanceof DomainError && error.code === "in-doubt") throw error;
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
    },
    "uploading a truststore version",
  );
}

export async function disableMtls(ref: DomainRef & Actor & Seen): Promise<ActivationResult> {
  return changeTruststore(
    ref,
    async ({ domain, region, lease }) => {
      await (ref.change ?? NO_RECORD).begin({
        ...changeOf(domain, region),
        message: "disable mutual TLS",
      });
      try {
        const result = activationResult(
          domain,
          await lease.write(`Disabling mutual TLS on ${ref.domainName}`, () =>
            removeMutualTls(ref.domainName, region),
          ),
        );
        return { ...result, previousTruststoreUri: domain.mtls!.truststoreUri };
      } catch (error) {
        return await explainUpdateFailure(error);
      }
    },
    "disabling mutual TLS",
  );
}
