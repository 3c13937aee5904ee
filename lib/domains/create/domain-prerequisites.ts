import "server-only";
/**
 * Every prerequisite of a new mTLS custom domain name, checked before the
 * create call, each with how to fix it: the ones that trip everyone
 * ("Missing ownershipVerificationCertificate", "Invalid truststore
 * URI/versionId specified") are caught here instead of by AWS.
 */
import { checkTruststore, type TruststoreReport } from "../../truststore";
import { describeCertificate } from "../../aws/acm";
import { getDomainName, listDomainNames } from "../../aws/api-gateway";
import { listRestApisWithStages, type RestApiChoice } from "../../aws/domain-creation";
import { getBucketVersioning } from "../../aws/s3";
import type { ServerCertificate } from "../../model/domain";
import { truststoreUriOf } from "../versions/readable-truststore";
import { checkVersion } from "../versions/truststores";

export interface DomainPlan {
  domainName: string;
  certificateArn?: string;
  ownershipCertificateArn?: string;
  truststoreUri: string;
  /** An existing S3 version to pin; or `pem`, uploaded as a new version at creation. */
  truststoreVersion?: string;
  pem?: string;
  restApiId?: string;
  stage?: string;
  basePath?: string;
}

export interface Prerequisite {
  id:
    | "name"
    | "endpoint"
    | "server-certificate"
    | "ownership-certificate"
    | "truststore-bucket"
    | "truststore-file"
    | "mapping";
  ok: boolean;
  label: string;
  message: string;
  fix?: string;
}

const covers = (cert: ServerCertificate, name: string) =>
  [cert.domainName, ...cert.subjectAlternativeNames].some(
    (n) => n === name || (n.startsWith("*.") && name.split(".").slice(1).join(".") === n.slice(2)),
  );

export async function checkPrerequisites(
  plan: DomainPlan,
  region: string,
  now = new Date(),
): Promise<{
  checks: Prerequisite[];
  ready: boolean;
  report?: TruststoreReport;
  /** The API the plan maps, as listed (REST or HTTP). */
  api?: RestApiChoice;
}> {
  const checks: Prerequisite[] = [];
  const add = (p: Prerequisite) => checks.push(p);
  const nameOk = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(
    plan.domainName,
  );
  const existing = nameOk ? await getDomainName(plan.domainName, region) : null;
  add({
    id: "name",
    label: "Domain name",
    ok: nameOk && !existing,
    message: !nameOk
      ? `${plan.domainName || "(empty)"} is not a domain name.`
      : existing
        ? `${plan.domainName} exists already in ${region}.`
        : `${plan.domainName} is free in ${region}.`,
    ...(existing ? { fix: "Open it from the overview, or choose another name." } : {}),
  });
  add({
    id: "endpoint",
    label: "Endpoint and policy",
    ok: true,
    message: "REGIONAL with TLS_1_2: the only combination mutual TLS allows.",
  });

  const server = plan.certificateArn
    ? await describeCertificate(plan.certificateArn, region)
    : null;
  const serverProblem = !server
    ? "Pick the ACM certificate for the name (in this region)."
    : server.status !== "ISSUED"
      ? `It is ${server.status}, not ISSUED.`
      : server.notAfter && Date.parse(server.notAfter) < now.getTime()
        ? `It expired on ${server.notAfter.slice(0, 10)}.`
        : nameOk && !covers(server, plan.domainName)
          ? `It covers ${[...new Set([server.domainName, ...server.subjectAlternativeNames])].join(", ")}, not ${plan.domainName}.`
          : null;
  add({
    id: "server-certificate",
    label: "Server certificate",
    ok: !serverProblem,
    message: serverProblem ?? `${server!.type} certificate for ${server!.domainName}, ISSUED.`,
    ...(serverProblem
      ? {
          fix: "Request or import a certificate for the name in ACM, in this region, and wait until it is ISSUED.",
        }
      : {}),
  });

  const needsOwnership = !!server && server.type !== "AMAZON_ISSUED";
  let ownershipProblem: string | null = null;
  if (needsOwnership && !plan.ownershipCertificateArn)
    ownershipProblem = `Missing ownershipVerificationCertificate: ${server.type === "IMPORTED" ? "an imported" : "a private CA"} server certificate needs an ACM-issued certificate that proves you own ${plan.domainName}.`;
  else if (plan.ownershipCertificateArn) {
    const owner = await describeCertificate(plan.ownershipCertificateArn, region);
    const usedAsServer = (await listDomainNames(region)).find(
      (d) => d.certificateArn === plan.ownershipCertificateArn && d.mtls,
    );
    ownershipProblem = !owner
      ? "The ownership verification certificate is not in this region's ACM."
      : owner.type !== "AMAZON_ISSUED"
        ? `It must be issued by ACM (AMAZON_ISSUED), not ${owner.type}.`
        : owner.status !== "ISSUED" ||
            (owner.notAfter && Date.parse(owner.notAfter) < now.getTime())
          ? `It is not valid (${owner.status}).`
          : nameOk && !covers(owner, plan.domainName)
            ? `It does not cover ${plan.domainName}.`
            : usedAsServer
              ? `It is the server certificate of the mTLS domain ${usedAsServer.domainName}: API Gateway refuses that.`
              : null;
  }
  add({
    id: "ownership-certificate",
    label: "Ownership verification certificate",
    ok: !ownershipProblem,
    message:
      ownershipProblem ??
      (plan.ownershipCertificateArn
        ? "ACM-issued, valid, and covers the name."
        : "Not needed: the server certificate is issued by ACM."),
    ...(ownershipProblem
      ? {
          fix: `Request a public ACM certificate for ${plan.domainName} (DNS validation) and pick it here.`,
        }
      : {}),
  });

  const opened = truststoreUriOf(plan.truststoreUri);
  const versioning =
    "location" in opened
      ? await getBucketVersioning(opened.location.bucket, region).catch(() => null)
      : null;
  const bucketProblem =
    "problem" in opened
      ? opened.problem
      : versioning === null
        ? `The bucket ${opened.location.bucket} cannot be read (missing, or in another account).`
        : versioning !== "Enabled"
          ? `The bucket ${opened.location.bucket} is not versioned (${versioning}): API Gateway pins a version id, and without versions a later upload changes who may connect.`
          : null;
  add({
    id: "truststore-bucket",
    label: "Truststore bucket",
    ok: !bucketProblem,
    message:
      bucketProblem ?? `s3://${"location" in opened ? opened.location.bucket : ""} is versioned.`,
    ...(bucketProblem
      ? { fix: "Enable versioning on the bucket (or pick another bucket), then check again." }
      : {}),
  });

  let report: TruststoreReport | undefined;
  let fileProblem: string | null = null;
  if (plan.pem) report = await checkTruststore(plan.pem, { at: now });
  else if (plan.truststoreVersion && "location" in opened)
    report = await checkVersion(opened.location, plan.truststoreVersion, region, now)
      .then((v) => v.report)
      .catch(() => {
        fileProblem = `Invalid truststore URI/versionId specified: version ${plan.truststoreVersion} of ${plan.truststoreUri} cannot be read.`;
        return undefined;
      });
  else
    fileProblem =
      "Pick a version of the truststore object, or drop a PEM file to upload as a new version.";
  const errors = report?.findings.filter((f) => f.severity === "error") ?? [];
  if (errors.length) fileProblem = `The file is refused: ${errors.map((e) => e.message).join(" ")}`;
  add({
    id: "truststore-file",
    label: "Truststore",
    ok: !fileProblem,
    message:
      fileProblem ??
      `${report!.certificates.length} certificates, ${report!.findings.filter((f) => f.severity === "warning").length} warnings${plan.pem ? " (uploaded as a new version on creation)" : ""}.`,
    ...(fileProblem && report
      ? { fix: "Fix the file with the findings the engine lists, or pick another version." }
      : {}),
  });

  let mappingProblem: string | null = null;
  const api = plan.restApiId
    ? (await listRestApisWithStages(region)).find((a) => a.id === plan.restApiId)
    : undefined;
  if (plan.restApiId) {
    mappingProblem = !api
      ? `There is no API ${plan.restApiId} in ${region}.`
      : !plan.stage || !api.stages.includes(plan.stage)
        ? `Invalid stage identifier specified: ${api.name} has the stages ${api.stages.join(", ") || "(none: deploy it first)"}.`
        : null;
  }
  add({
    id: "mapping",
    label: "Base path mapping",
    ok: !mappingProblem,
    message:
      mappingProblem ??
      (plan.restApiId
        ? `/${plan.basePath ?? ""} → ${plan.restApiId} (${plan.stage})`
        : "None: map an API later."),
    ...(mappingProblem ? { fix: "Pick a deployed stage of the API." } : {}),
  });
  return {
    checks,
    ready: checks.every((c) => c.ok),
    ...(report ? { report } : {}),
    ...(api ? { api } : {}),
  };
}
