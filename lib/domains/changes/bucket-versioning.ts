import "server-only";
/** Turning on versioning for a domain's truststore bucket, so that every upload can be rolled back. */
import { getDomainName } from "../../aws/api-gateway";
import { putBucketVersioningEnabled, parseS3Uri } from "../../aws/s3";
import type { ChangeRecorder } from "../../records/intents";
import { NO_RECORD, type DomainRef } from "./change-refs";
import { DomainError } from "../shared/errors";

export async function enableVersioning(
  ref: DomainRef & { change?: ChangeRecorder },
): Promise<{ bucket: string }> {
  const domain = await getDomainName(ref.domainName, ref.region);
  const location = domain?.mtls ? parseS3Uri(domain.mtls.truststoreUri) : null;
  if (!location)
    throw new DomainError("mtls-off", `Mutual TLS is not enabled on ${ref.domainName}.`);
  await (ref.change ?? NO_RECORD).begin({
    domainName: ref.domainName,
    region: ref.region,
    message: `enable versioning of bucket ${location.bucket}`,
  });
  await putBucketVersioningEnabled(location.bucket, ref.region);
  return { bucket: location.bucket };
}
