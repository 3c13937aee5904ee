import "server-only";
/**
 * Every prerequisite of a new mTLS custom domain name, checked before the
 * create call, each with how to fix it: the ones that trip everyone
 * ("Missing ownershipVerificationCertificate", "Invalid truststore
 * URI/versionId specified") are caught here instead of by AWS. The checks
 * mutual TLS asks of any domain are ../changes/mtls-prerequisites.ts; the
 * name, the endpoint and the mapping are a new domain's own.
 */
import type { TruststoreReport } from "../../truststore";
import { getDomainName } from "../../aws/api-gateway";
import { listRestApisWithStages, type RestApiChoice } from "../../aws/domain-creation";
import {
  ownershipCertificateCheck,
  serverCertificateCheck,
  truststoreBucketCheck,
  truststoreFileCheck,
  type Prerequisite,
} from "../changes/mtls-prerequisites";
import { nameIssuerCheck } from "../changes/server-name-issuers";

export type { Prerequisite } from "../changes/mtls-prerequisites";

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

  const name = { domainName: plan.domainName, valid: nameOk };
  const { check: serverCheck, server } = await serverCertificateCheck(
    name,
    plan.certificateArn,
    region,
    "Pick the ACM certificate for the name (in this region).",
    now,
  );
  add(serverCheck);
  add(
    await ownershipCertificateCheck(
      name,
      server,
      plan.ownershipCertificateArn,
      region,
      `Request a public ACM certificate for ${plan.domainName} (DNS validation) and pick it here.`,
      now,
    ),
  );
  const issuers = await nameIssuerCheck(server, plan.domainName, region);
  if (issuers) add(issuers);
  const bucket = await truststoreBucketCheck(plan.truststoreUri, region);
  add(bucket.check);
  const file = await truststoreFileCheck(
    {
      uri: plan.truststoreUri,
      location: bucket.location,
      version: plan.truststoreVersion,
      pem: plan.pem,
    },
    region,
    "Pick a version of the truststore object, or drop a PEM file to upload as a new version.",
    now,
  );
  add(file.check);
  const report = file.report;

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
