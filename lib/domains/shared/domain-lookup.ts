import "server-only";
/**
 * Finding the domain a read or a change is about: it must exist and have
 * mutual TLS on, with a truststore at an s3:// URI.
 */
import { getDomainName } from "../../aws/api-gateway";
import { parseS3Uri, type S3Location } from "../../aws/s3";
import { DomainError } from "./errors";
import type { MtlsDomain } from "../../model/domain";

/** The domain, or a "not-found" DomainError. */
export async function requireDomain(ref: {
  domainName: string;
  region: string;
}): Promise<MtlsDomain> {
  const domain = await getDomainName(ref.domainName, ref.region);
  if (!domain)
    throw new DomainError(
      "not-found",
      `The custom domain name ${ref.domainName} does not exist (any more).`,
    );
  return domain;
}

export async function requireMtlsDomain(ref: {
  domainName: string;
  region: string;
}): Promise<{ domain: MtlsDomain; location: S3Location }> {
  const domain = await requireDomain(ref);
  if (!domain.mtls && domain.mtlsState === "unknown")
    throw new DomainError(
      "mtls-unknown",
      `This backend does not report whether mutual TLS is enabled on ${ref.domainName}, so its state is unknown and the dashboard does not change it. Nothing was changed.`,
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

/** Whether a custom domain name exists (false too when AWS cannot say). */
export async function domainExists(domainName: string, region: string): Promise<boolean> {
  if (!/^[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(domainName)) return false;
  return !!(await getDomainName(domainName, region).catch(() => null));
}
