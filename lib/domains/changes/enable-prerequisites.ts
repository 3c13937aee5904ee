import "server-only";
/**
 * The prerequisites of turning mutual TLS on for an existing custom domain
 * name, checked on the domain as it is: a REGIONAL endpoint with TLS_1_2
 * (the enhanced SecurityPolicy_* policies cannot be combined with mTLS), an
 * AVAILABLE status, its server certificate and, when that one is imported or
 * private, its ownership verification certificate; then the truststore
 * picked (./mtls-prerequisites.ts, the checks creation uses too), with the
 * object's versions to pick from.
 */
import type { Finding, TruststoreReport } from "../../truststore";
import type { S3Location } from "../../aws/s3";
import type { MtlsDomain } from "../../model/domain";
import {
  ownershipCertificateCheck,
  serverCertificateCheck,
  truststoreBucketCheck,
  truststoreFileCheck,
  truststoreVersionChoices,
  type Prerequisite,
  type VersionChoice,
} from "./mtls-prerequisites";
import { nameIssuerCheck } from "./server-name-issuers";

/** The truststore an operator names to enable mTLS with: its S3 URI and (once picked) a version. */
export interface TruststorePick {
  truststoreUri: string;
  truststoreVersion?: string | undefined;
}

export interface EnableCheck {
  checks: Prerequisite[];
  ready: boolean;
  /** The truststore object's versions, newest first, to pick from (none until the bucket passes). */
  versions: VersionChoice[];
  /** The engine's findings on the version picked. */
  findings: Finding[];
}

/** REGIONAL with TLS_1_2: the only combination mutual TLS allows. */
function endpointCheck(domain: MtlsDomain): Prerequisite {
  const policy = domain.securityPolicy;
  const edge = domain.endpointType !== "REGIONAL";
  const problem = edge
    ? `${domain.domainName} is ${domain.endpointType}: API Gateway supports mutual TLS on REGIONAL custom domain names only.`
    : policy?.startsWith("SecurityPolicy_")
      ? `Its security policy ${policy} is an enhanced policy: enhanced policies cannot be combined with mutual TLS.`
      : policy !== "TLS_1_2"
        ? `Its security policy is ${policy ?? "not reported"}: mutual TLS needs TLS_1_2.`
        : null;
  return {
    id: "endpoint",
    label: "Endpoint and policy",
    ok: !problem,
    message: problem ?? "REGIONAL with TLS_1_2: the only combination mutual TLS allows.",
    ...(problem
      ? {
          fix: edge
            ? "Create a REGIONAL domain name with a truststore (New mTLS domain) and move the DNS record to it."
            : "Set the domain's security policy to TLS_1_2 first (UpdateDomainName, path /securityPolicy), then check again.",
        }
      : {}),
  };
}

function statusCheck(domain: MtlsDomain): Prerequisite {
  const ok = domain.status === "AVAILABLE";
  return {
    id: "status",
    label: "Status",
    ok,
    message: ok
      ? "AVAILABLE: it can be changed."
      : `${domain.status}${domain.statusMessage ? ` (${domain.statusMessage})` : ""}: it can be changed only once it is AVAILABLE.`,
    ...(ok ? {} : { fix: "Wait until it is AVAILABLE, or settle what its status asks for first." }),
  };
}

/** Every prerequisite of mutual TLS on this domain with this truststore, and the report of the version picked. */
export async function enablePrerequisites(
  domain: MtlsDomain,
  pick: TruststorePick,
  region: string,
  now = new Date(),
): Promise<{
  checks: Prerequisite[];
  ready: boolean;
  report?: TruststoreReport;
  location?: S3Location;
}> {
  const name = { domainName: domain.domainName, valid: true };
  const certificates = async () => {
    const { check, server } = await serverCertificateCheck(
      name,
      domain.certificateArn,
      region,
      `The domain's certificate ${domain.certificateArn ?? "(none reported)"} is not in this region's ACM.`,
      now,
    );
    const ownership = await ownershipCertificateCheck(
      name,
      server,
      domain.ownershipVerificationCertificateArn,
      region,
      `Request a public ACM certificate for ${domain.domainName} (DNS validation), set it as the domain's ownership verification certificate (UpdateDomainName, path /ownershipVerificationCertificateArn), then check again.`,
      now,
    );
    const issuers = await nameIssuerCheck(server, domain.domainName, region);
    return issuers ? [check, ownership, issuers] : [check, ownership];
  };
  const truststore = async () => {
    const bucket = await truststoreBucketCheck(pick.truststoreUri, region);
    const file = await truststoreFileCheck(
      {
        uri: pick.truststoreUri,
        location: bucket.check.ok ? bucket.location : undefined,
        version: pick.truststoreVersion,
      },
      region,
      bucket.check.ok
        ? "Pick a version of the truststore object."
        : "Name a truststore in a versioned bucket first, then pick one of its versions.",
      now,
    );
    return { bucket, file };
  };
  const [certificateChecks, { bucket, file }] = await Promise.all([certificates(), truststore()]);
  const checks = [
    endpointCheck(domain),
    statusCheck(domain),
    ...certificateChecks,
    bucket.check,
    file.check,
  ];
  return {
    checks,
    ready: checks.every((c) => c.ok),
    ...(file.report ? { report: file.report } : {}),
    ...(bucket.location ? { location: bucket.location } : {}),
  };
}

/** What the enable dialog shows: every prerequisite, the versions to pick, the engine's findings. */
export async function checkEnable(
  domain: MtlsDomain,
  pick: TruststorePick,
  region: string,
): Promise<EnableCheck> {
  const { checks, ready, report, location } = await enablePrerequisites(domain, pick, region);
  const bucketOk = checks.find((c) => c.id === "truststore-bucket")?.ok;
  return {
    checks,
    ready,
    versions: location && bucketOk ? await truststoreVersionChoices(location, region) : [],
    findings: report?.findings ?? [],
  };
}
