import "server-only";
/**
 * Which truststore a read (a diff, a certificate's detail, the page's
 * sections) looks at: the domain's own, or, where the backend does not
 * report mutual TLS (LocalStack, moto), one the user opened by its S3 URI.
 * Changes never take a URI from the user: they use requireMtlsDomain.
 */
import { getDomainName } from "../aws/api-gateway";
import { parseS3Uri, type S3Location } from "../aws/s3";
import { storeSettings } from "../auth/store";
import { requireMtlsDomain } from "./change-guards";
import { DomainError } from "./errors";
import type { MtlsDomain } from "./types";

/** An S3 URI as the open-by-URI form takes it; null with the reason when it is not one. */
export function openableUri(uri: string): { location: S3Location } | { problem: string } {
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

export async function readableTruststore(ref: {
  domainName: string;
  region?: string;
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
