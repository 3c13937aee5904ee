import "server-only";
/**
 * Which truststore a read (a diff, a certificate's detail, the page's
 * sections) looks at: the domain's own, or, where the backend does not
 * report mutual TLS (LocalStack, moto), one the user opened by its S3 URI.
 * Changes never take a URI from the user: they use requireMtlsDomain.
 */
import { getDomainName } from "../../aws/api-gateway";
import { parseS3Uri, type S3Location } from "../../aws/s3";
import { storeSettings } from "../../records/store";
import { requireMtlsDomain } from "../shared/domain-lookup";
import { DomainError } from "../shared/errors";
import type { MtlsDomain } from "../../model/domain";

/**
 * The buckets an operator allowed truststores to be opened from by URI
 * (TRUSTSTORE_BUCKETS, comma-separated; `*` matches any run of characters).
 * None by default: the console reads nothing it was not pointed at.
 */
export function allowedTruststoreBucket(
  bucket: string,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return (env.TRUSTSTORE_BUCKETS ?? "")
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .some((pattern) =>
      new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(
        bucket,
      ),
    );
}

/** A truststore's S3 URI as an operator names one for a new domain; the reason when it is not one. */
export function truststoreUriOf(uri: string): { location: S3Location } | { problem: string } {
  const location = parseS3Uri(uri.trim());
  if (!location || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(location.bucket))
    return { problem: "Not an S3 URI: it looks like s3://bucket-name/path/truststore.pem." };
  if (location.key.length > 1024) return { problem: "The S3 key is over 1,024 characters." };
  if (location.bucket === storeSettings().bucket)
    return {
      problem:
        "That is the console's own store (the audit bucket), not a truststore: it cannot be opened here.",
    };
  return { location };
}

/** An S3 URI as the open-by-URI form takes it: a truststore URI, in a bucket an operator listed. */
export function openableUri(uri: string): { location: S3Location } | { problem: string } {
  const named = truststoreUriOf(uri);
  if ("problem" in named) return named;
  if (!allowedTruststoreBucket(named.location.bucket))
    return {
      problem: `The bucket ${named.location.bucket} is not one an operator listed for truststores (TRUSTSTORE_BUCKETS), so nothing is read from it.`,
    };
  return named;
}

export async function readableTruststore(ref: {
  domainName: string;
  region: string;
  truststoreUri?: string;
}): Promise<{ domain: MtlsDomain; location: S3Location }> {
  if (ref.truststoreUri === undefined) return requireMtlsDomain(ref);
  const domain = await getDomainName(ref.domainName, ref.region);
  if (!domain)
    throw new DomainError(
      "not-found",
      `The custom domain name ${ref.domainName} does not exist (any more).`,
    );
  if (domain.mtlsState !== "unknown")
    throw new DomainError(
      "truststore-refused",
      "A truststore is opened by its S3 URI only where the backend does not report the domain's own.",
    );
  const opened = openableUri(ref.truststoreUri);
  if ("problem" in opened) throw new DomainError("truststore-refused", opened.problem);
  return { domain, location: opened.location };
}
