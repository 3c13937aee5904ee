import "server-only";
/**
 * What the "new mTLS domain" form offers: the region's ACM certificates
 * (server, and ACM-issued ones for ownership verification) and its REST
 * APIs with their stages.
 */
import type { ChangeRecorder } from "../../records/intents";
import { listCertificates } from "../../aws/acm";
import { listRestApisWithStages, type RestApiChoice } from "../../aws/domain-creation";
import { createDomain } from "../create/create-domain";
import {
  checkPrerequisites,
  type DomainPlan,
  type Prerequisite,
} from "../create/domain-prerequisites";
import { truststoreVersionChoices, type VersionChoice } from "../changes/mtls-prerequisites";
import { readPart, type Loaded } from "../shared/loaded";
import { truststoreUriOf } from "../versions/readable-truststore";

export interface CertificateChoice {
  arn: string;
  label: string;
  type: string;
  issued: boolean;
}

export interface NewDomainChoices {
  certificates: CertificateChoice[];
  apis: RestApiChoice[];
}

export function newDomainChoices(region: string): Promise<Loaded<NewDomainChoices>> {
  return readPart(async () => {
    const [certificates, apis] = await Promise.all([
      listCertificates(region),
      listRestApisWithStages(region),
    ]);
    return {
      certificates: certificates.map((c) => ({
        arn: c.arn,
        type: c.type,
        issued: c.status === "ISSUED",
        label: `${c.domainName} (${c.type.toLowerCase().replace("_", "-")}, ${c.status}${c.notAfter ? `, until ${c.notAfter.slice(0, 10)}` : ""})`,
      })),
      apis,
    };
  }, "the certificates and REST APIs");
}

export interface PlanCheck {
  checks: Prerequisite[];
  ready: boolean;
  /** The truststore object's versions, newest first, to pick from. */
  versions: VersionChoice[];
}

/** The form's "check": every prerequisite, and the object's versions to pick. */
export async function checkPlan(plan: DomainPlan & { region: string }): Promise<PlanCheck> {
  const region = plan.region;
  const { checks, ready } = await checkPrerequisites(plan, region);
  const opened = truststoreUriOf(plan.truststoreUri);
  const bucketOk = checks.find((c) => c.id === "truststore-bucket")?.ok;
  const versions =
    "location" in opened && bucketOk ? await truststoreVersionChoices(opened.location, region) : [];
  return { checks, ready, versions };
}

export async function createFromPlan(
  plan: DomainPlan & { region: string },
  actor: string,
  change?: ChangeRecorder,
) {
  const region = plan.region;
  return createDomain(plan, region, actor, change);
}
