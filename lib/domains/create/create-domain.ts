import "server-only";
/**
 * Creating an mTLS custom domain name: the prerequisites checked again on
 * the server, the truststore uploaded as a new version when a file was
 * given, the domain created pinned to that exact version id, then its base
 * path mapping. Says where DNS must point.
 */
import type { ChangeRecorder } from "../../records/intents";
import { createHash } from "node:crypto";
import { createBasePathMapping, createMtlsDomainName } from "../../aws/domain-creation";
import { putTruststoreObject } from "../../aws/s3";
import { forgetApiTypes } from "../overview/api-types";
import { checkPrerequisites, type DomainPlan } from "./domain-prerequisites";
import { DomainError } from "../shared/errors";
import { truststoreUriOf } from "../versions/readable-truststore";

export interface CreatedDomain {
  domainName: string;
  truststoreVersion: string;
  dnsTarget?: string;
  hostedZoneId?: string;
  mapped: boolean;
  /** Set when the domain was created but its mapping was not. */
  mappingProblem?: string;
  requestId?: string;
}

export async function createDomain(
  plan: DomainPlan,
  region: string,
  actor: string,
  change?: ChangeRecorder,
): Promise<CreatedDomain> {
  const { checks, ready, report, api } = await checkPrerequisites(plan, region);
  if (!ready)
    throw new DomainError(
      "truststore-refused",
      `Nothing was created: ${checks
        .filter((c) => !c.ok)
        .map((c) => `${c.label}: ${c.message}`)
        .join(" ")}`,
    );
  const opened = truststoreUriOf(plan.truststoreUri);
  if ("problem" in opened) throw new DomainError("truststore-refused", opened.problem);
  let version = plan.truststoreVersion;
  const facts = { domainName: plan.domainName, region, message: "create with mutual TLS" };
  await change?.begin({ ...facts, ...(version ? { toVersion: version } : {}) });
  if (plan.pem) {
    const bytes = new TextEncoder().encode(plan.pem);
    version = (
      await putTruststoreObject(
        opened.location,
        bytes,
        {
          uploadedBy: actor,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          certificateCount: report?.certificates.length ?? 0,
        },
        region,
      )
    ).versionId;
    // The intent now names the uploaded version, so a crash from here on shows it.
    await change?.begin({ ...facts, toVersion: version });
  }
  const created = await createMtlsDomainName(
    {
      domainName: plan.domainName,
      certificateArn: plan.certificateArn!,
      truststoreUri: `s3://${opened.location.bucket}/${opened.location.key}`,
      truststoreVersion: version!,
      ...(plan.ownershipCertificateArn
        ? { ownershipVerificationCertificateArn: plan.ownershipCertificateArn }
        : {}),
    },
    region,
  );
  const out: CreatedDomain = {
    domainName: created.domain.domainName,
    truststoreVersion: version!,
    mapped: false,
    ...(created.domain.dnsTarget ? { dnsTarget: created.domain.dnsTarget } : {}),
    ...(created.hostedZoneId ? { hostedZoneId: created.hostedZoneId } : {}),
    ...(created.requestId ? { requestId: created.requestId } : {}),
  };
  if (plan.restApiId && plan.stage) {
    try {
      await createBasePathMapping(
        plan.domainName,
        {
          restApiId: plan.restApiId,
          stage: plan.stage,
          type: api?.type ?? "REST",
          ...(plan.basePath ? { basePath: plan.basePath } : {}),
        },
        region,
      );
      out.mapped = true;
    } catch (error) {
      out.mappingProblem = `The domain was created, but its mapping was not: ${(error as Error).message}`;
    }
  }
  forgetApiTypes(region, plan.domainName);
  return out;
}
