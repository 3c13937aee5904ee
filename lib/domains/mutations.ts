import "server-only";
/**
 * Changes to a domain's mutual TLS: switch (activate, roll back, roll
 * forward) to an exact truststore version, upload a new version and
 * activate it, disable mTLS, disable a mapped REST API's default endpoint,
 * enable bucket versioning. Each checks before it changes anything
 * (./change-guards.ts), holds the domain's lock, and confirms it still holds
 * it before the final AWS call.
 */
import { createHash } from "node:crypto";
import {
  checkTruststore,
  MAX_TRUSTSTORE_BYTES,
  MAX_TRUSTSTORE_CERTIFICATES,
  type TruststoreReport,
} from "../truststore";
import {
  disableExecuteApiEndpoint,
  disableMutualTls,
  getBasePathMappings,
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
import { getBackend } from "../aws/config";
import {
  checkExpected,
  explainUpdateFailure,
  requireLockoutConfirmation,
  requireMtlsDomain,
  requireUpdatable,
} from "./change-guards";
import { withDomainLock, type Lease } from "./locks";
import { checkVersion } from "./truststores";
import { recordSummary } from "./version-summaries";
import { DomainError } from "./errors";
import type { MtlsDomain, RestApiSummary } from "./types";
import type { ChangeRecorder } from "../auth/intents";

export interface DomainRef {
  domainName: string;
  region?: string;
}

/** Who asks for a change (the session's user), for locks and conflict messages, and its write-ahead record. */
export interface Actor {
  actor: string;
  /** Writes the change's intent before its first AWS write (the action wrapper's); none in direct calls. */
  change?: ChangeRecorder;
}

const NO_RECORD: ChangeRecorder = { begin: async () => undefined };

/** What every change of a domain's truststore says of itself when it begins: which domain, from which version. */
const changeOf = (domain: MtlsDomain, region: string) => ({
  domainName: domain.domainName,
  region,
  fromVersion: domain.mtls?.truststoreVersion || undefined,
});

/** What the user saw and confirmed: the active version ("" for none) and, when the change refuses today's clients, the typed domain name. */
export interface Seen {
  expectedCurrentVersion: string;
  confirmation?: string;
}

async function regionOf(ref: DomainRef): Promise<string> {
  return ref.region ?? (await getBackend()).defaultRegion;
}

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

export interface ActivationResult {
  domain: MtlsDomain;
  previousVersion?: string;
  requestId?: string;
}

export async function activateVersion(
  ref: DomainRef & Actor & Seen & { versionId: string },
): Promise<ActivationResult> {
  const region = await regionOf(ref);
  return withDomainLock(
    ref.domainName,
    region,
    ref.actor,
    async (lease) => {
      const { domain, location } = await requireMtlsDomain({ ...ref, region });
      await checkExpected(domain, region, ref.expectedCurrentVersion);
      await requireUpdatable(domain);
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
    { action: "switching the truststore version" },
  );
}

async function switchVersion(
  domain: MtlsDomain,
  versionId: string,
  region: string,
  lease: Lease,
): Promise<ActivationResult> {
  try {
    return activationResult(
      domain,
      await lease.write(`Switching ${domain.domainName} to truststore version ${versionId}`, () =>
        setTruststoreVersion(domain.domainName, versionId, region),
      ),
    );
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
  const region = await regionOf(ref);
  return withDomainLock(
    ref.domainName,
    region,
    ref.actor,
    async (lease) => {
      const { domain, location } = await requireMtlsDomain({ ...ref, region });
      await checkExpected(domain, region, ref.expectedCurrentVersion);
      await requireUpdatable(domain);
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
    { action: "uploading a truststore version" },
  );
}

export async function disableMtls(ref: DomainRef & Actor & Seen): Promise<ActivationResult> {
  const region = await regionOf(ref);
  return withDomainLock(
    ref.domainName,
    region,
    ref.actor,
    async (lease) => {
      const { domain } = await requireMtlsDomain({ ...ref, region });
      await checkExpected(domain, region, ref.expectedCurrentVersion);
      await requireUpdatable(domain);
      await (ref.change ?? NO_RECORD).begin({
        ...changeOf(domain, region),
        message: "disable mutual TLS",
      });
      try {
        return activationResult(
          domain,
          await lease.write(`Disabling mutual TLS on ${ref.domainName}`, () =>
            disableMutualTls(ref.domainName, region),
          ),
        );
      } catch (error) {
        return await explainUpdateFailure(error);
      }
    },
    { action: "disabling mutual TLS" },
  );
}

/** Disables the default execute-api endpoint of a REST API that is mapped to the domain (and only then). */
export async function disableDefaultEndpoint(
  ref: DomainRef & Actor & { restApiId: string },
): Promise<{ api: RestApiSummary; requestId?: string }> {
  const region = await regionOf(ref);
  return withDomainLock(
    ref.domainName,
    region,
    ref.actor,
    async (lease) => {
      const mappings = await getBasePathMappings(ref.domainName, region);
      if (!mappings.some((m) => m.restApiId === ref.restApiId)) {
        throw new DomainError(
          "not-mapped",
          `The REST API ${ref.restApiId} is not mapped to ${ref.domainName}, so it cannot be changed from this domain's page. Nothing was changed.`,
        );
      }
      const api = await getRestApi(ref.restApiId, region);
      if (!api)
        throw new DomainError(
          "not-found",
          `The REST API ${ref.restApiId} does not exist (any more).`,
        );
      if (api.disableExecuteApiEndpoint) return { api };
      await (ref.change ?? NO_RECORD).begin({
        domainName: ref.domainName,
        region,
        message: `disable the default endpoint of REST API ${ref.restApiId}`,
      });
      return lease.write(`Disabling the default endpoint of REST API ${ref.restApiId}`, () =>
        disableExecuteApiEndpoint(ref.restApiId, region),
      );
    },
    { action: "disabling a default endpoint" },
  );
}

export async function enableVersioning(
  ref: DomainRef & { change?: ChangeRecorder },
): Promise<{ bucket: string }> {
  const domain = await getDomainName(ref.domainName, ref.region);
  const location = domain?.mtls ? parseS3Uri(domain.mtls.truststoreUri) : null;
  if (!location)
    throw new DomainError("mtls-off", `Mutual TLS is not enabled on ${ref.domainName}.`);
  await (ref.change ?? NO_RECORD).begin({
    domainName: ref.domainName,
    region: await regionOf(ref),
    message: `enable versioning of bucket ${location.bucket}`,
  });
  await enableBucketVersioning(location.bucket, ref.region);
  return { bucket: location.bucket };
}
