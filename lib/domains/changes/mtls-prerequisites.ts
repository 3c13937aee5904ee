import "server-only";
/**
 * What mutual TLS asks of a custom domain name, each check with how to fix
 * it, made before AWS is asked: the server certificate, an ownership
 * verification certificate where the server certificate is imported or
 * private, a versioned truststore bucket, and a truststore version that
 * passes the engine's rules. Creating a domain
 * (../create/domain-prerequisites.ts) and enabling mTLS on one
 * (./enable-mtls.ts) both use them: they live in the lowest room both reach.
 */
import { checkTruststore, type TruststoreReport } from "../../truststore";
import { describeCertificate } from "../../aws/acm";
import { listDomainNames } from "../../aws/api-gateway";
import { getBucketVersioning, listObjectVersions, type S3Location } from "../../aws/s3";
import { certificateNames, namesCover, type ServerCertificate } from "../../model/domain";
import { truststoreUriOf } from "../versions/readable-truststore";
import { checkVersion } from "../versions/truststores";

export interface Prerequisite {
  id:
    | "name"
    | "status"
    | "endpoint"
    | "server-certificate"
    | "ownership-certificate"
    | "name-issuer"
    | "truststore-bucket"
    | "truststore-file"
    | "mapping";
  ok: boolean;
  label: string;
  message: string;
  fix?: string;
}

const covers = (cert: ServerCertificate, name: string) => namesCover(certificateNames(cert), name);

/** The name the certificates must cover; `valid` false: not a domain name, so not compared. */
export interface NamedDomain {
  domainName: string;
  valid: boolean;
}

/**
 * The server certificate: in this region's ACM, ISSUED, current, and
 * covering the name. `missing` says what to do when there is none.
 */
export async function serverCertificateCheck(
  name: NamedDomain,
  certificateArn: string | undefined,
  region: string,
  missing: string,
  now: Date,
): Promise<{ check: Prerequisite; server: ServerCertificate | null }> {
  const { domainName, valid } = name;
  const server = certificateArn ? await describeCertificate(certificateArn, region) : null;
  const problem = !server
    ? missing
    : server.status !== "ISSUED"
      ? `It is ${server.status}, not ISSUED.`
      : server.notAfter && Date.parse(server.notAfter) < now.getTime()
        ? `It expired on ${server.notAfter.slice(0, 10)}.`
        : valid && !covers(server, domainName)
          ? `It covers ${[...new Set(certificateNames(server))].join(", ")}, not ${domainName}.`
          : null;
  const check: Prerequisite = {
    id: "server-certificate",
    label: "Server certificate",
    ok: !problem,
    message: problem ?? `${server!.type} certificate for ${server!.domainName}, ISSUED.`,
    ...(problem
      ? {
          fix: "Request or import a certificate for the name in ACM, in this region, and wait until it is ISSUED.",
        }
      : {}),
  };
  return { check, server };
}

/**
 * The ownership verification certificate: needed when the server
 * certificate is imported or from a private CA; ACM-issued, valid, covering
 * the name, and not the server certificate of an mTLS domain. `fix` says
 * where to set one.
 */
/**
 * Why an ACM certificate cannot prove `domainName` (null: not compared) as
 * an ownership verification certificate, or null when it can.
 * `serverOf`: the mTLS domain whose server certificate it is, if any.
 */
export function ownershipProblem(
  owner: ServerCertificate,
  domainName: string | null,
  serverOf: string | undefined,
  now: Date,
): string | null {
  return owner.type !== "AMAZON_ISSUED"
    ? `It must be issued by ACM (AMAZON_ISSUED), not ${owner.type}.`
    : owner.status !== "ISSUED"
      ? `It is ${owner.status}, not ISSUED.`
      : owner.notAfter && Date.parse(owner.notAfter) < now.getTime()
        ? `It expired on ${owner.notAfter.slice(0, 10)}.`
        : domainName !== null && !covers(owner, domainName)
          ? `It does not cover ${domainName}.`
          : serverOf
            ? `It is the server certificate of the mTLS domain ${serverOf}: API Gateway refuses that.`
            : null;
}

export async function ownershipCertificateCheck(
  name: NamedDomain,
  server: ServerCertificate | null,
  ownershipCertificateArn: string | undefined,
  region: string,
  fix: string,
  now: Date,
): Promise<Prerequisite> {
  const { domainName, valid } = name;
  const needed = !!server && server.type !== "AMAZON_ISSUED";
  let problem: string | null = null;
  if (needed && !ownershipCertificateArn)
    problem = `Missing ownershipVerificationCertificate: ${server.type === "IMPORTED" ? "an imported" : "a private CA"} server certificate needs an ACM-issued certificate that proves you own ${domainName}.`;
  else if (ownershipCertificateArn) {
    const owner = await describeCertificate(ownershipCertificateArn, region);
    const usedAsServer = (await listDomainNames(region)).find(
      (d) => d.certificateArn === ownershipCertificateArn && d.mtls,
    );
    problem = !owner
      ? "The ownership verification certificate is not in this region's ACM."
      : ownershipProblem(owner, valid ? domainName : null, usedAsServer?.domainName, now);
  }
  return {
    id: "ownership-certificate",
    label: "Ownership verification certificate",
    ok: !problem,
    message:
      problem ??
      (ownershipCertificateArn
        ? "ACM-issued, valid, and covers the name."
        : "Not needed: the server certificate is issued by ACM."),
    ...(problem ? { fix } : {}),
  };
}

/** The truststore's bucket: an S3 URI the console may use, in a bucket with versioning on. */
export async function truststoreBucketCheck(
  truststoreUri: string,
  region: string,
): Promise<{ check: Prerequisite; location?: S3Location }> {
  const opened = truststoreUriOf(truststoreUri);
  const versioning =
    "location" in opened
      ? await getBucketVersioning(opened.location.bucket, region).catch(() => null)
      : null;
  const problem =
    "problem" in opened
      ? opened.problem
      : versioning === null
        ? `The bucket ${opened.location.bucket} cannot be read (missing, or in another account).`
        : versioning !== "Enabled"
          ? `The bucket ${opened.location.bucket} is not versioned (${versioning}): API Gateway pins a version id, and without versions a later upload changes who may connect.`
          : null;
  const check: Prerequisite = {
    id: "truststore-bucket",
    label: "Truststore bucket",
    ok: !problem,
    message: problem ?? `s3://${"location" in opened ? opened.location.bucket : ""} is versioned.`,
    ...(problem
      ? { fix: "Enable versioning on the bucket (or pick another bucket), then check again." }
      : {}),
  };
  return { check, ...("location" in opened ? { location: opened.location } : {}) };
}

/**
 * The truststore file: a version of the object that can be read (or a PEM
 * to upload as a new one), with no error under the engine's rules.
 * `missing` says what to pick when neither is given.
 */
export async function truststoreFileCheck(
  truststore: {
    uri: string;
    location: S3Location | undefined;
    version?: string | undefined;
    pem?: string | undefined;
  },
  region: string,
  missing: string,
  now: Date,
): Promise<{ check: Prerequisite; report?: TruststoreReport }> {
  let report: TruststoreReport | undefined;
  let problem: string | null = null;
  if (truststore.pem) report = await checkTruststore(truststore.pem, { at: now });
  else if (truststore.version && truststore.location)
    report = await checkVersion(truststore.location, truststore.version, region, now)
      .then((v) => v.report)
      .catch(() => {
        problem = `Invalid truststore URI/versionId specified: version ${truststore.version} of ${truststore.uri} cannot be read.`;
        return undefined;
      });
  else problem = missing;
  const errors = report?.findings.filter((f) => f.severity === "error") ?? [];
  if (errors.length) problem = `The file is refused: ${errors.map((e) => e.message).join(" ")}`;
  const check: Prerequisite = {
    id: "truststore-file",
    label: "Truststore",
    ok: !problem,
    message:
      problem ??
      `${report!.certificates.length} certificates, ${report!.findings.filter((f) => f.severity === "warning").length} warnings${truststore.pem ? " (uploaded as a new version on creation)" : ""}.`,
    ...(problem && report
      ? { fix: "Fix the file with the findings the engine lists, or pick another version." }
      : {}),
  };
  return { check, ...(report ? { report } : {}) };
}

/** A truststore object's version to pick: newest first, delete markers left out. */
export interface VersionChoice {
  versionId: string;
  lastModified: string;
}

/** The versions of the truststore object to pick from (none when the object cannot be listed). */
export async function truststoreVersionChoices(
  location: S3Location,
  region: string,
): Promise<VersionChoice[]> {
  return (await listObjectVersions(location, region).catch(() => []))
    .filter((v) => !v.deleteMarker)
    .map((v) => ({ versionId: v.versionId, lastModified: v.lastModified }));
}
