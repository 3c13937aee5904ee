import "server-only";
/**
 * Would this client certificate be accepted by a domain's active
 * truststore, and if not, why (API Gateway's terms)?
 */
import { judgeClientCertificate, type ClientCheckResult } from "../../truststore";
import { getDomainName } from "../../aws/api-gateway";
import { parseS3Uri } from "../../aws/s3";
import { AwsFailure } from "../../aws/errors";
import { DomainError } from "../shared/errors";
import { checkVersion } from "./truststores";
import { clientRefOf } from "../../revocation/revocation";
import type { ClientRef } from "../../revocation/client-label";
import { revocationVerdict, verdictSentence } from "../../revocation/verdict";
import { listsLocation, readListsAt } from "../revocation/revocation-lists";

/** What the domain's revocation lists say of the client, or why they could not say. */
export type ClientRevocation =
  | { revoked: boolean; sentence: string; listsVersion: string; client: ClientRef }
  | { problem: string };

export async function checkClientAgainstDomain(ref: {
  domainName: string;
  region: string;
  clientPem: string;
}): Promise<ClientCheckResult & { truststoreVersion: string; revocation: ClientRevocation }> {
  const domain = await getDomainName(ref.domainName, ref.region);
  if (!domain)
    throw new DomainError("not-found", `The custom domain name ${ref.domainName} does not exist.`);
  const location = domain.mtls ? parseS3Uri(domain.mtls.truststoreUri) : null;
  if (!domain.mtls || !location) {
    throw new DomainError(
      "mtls-off",
      `Mutual TLS is not enabled on ${ref.domainName}: API Gateway accepts any client there.`,
    );
  }
  const active = await checkVersion(location, domain.mtls.truststoreVersion, ref.region);
  const pems = active.report.certificates.map((c) => c.pem).join("\n");
  return {
    ...(await judgeClientCertificate(pems, ref.clientPem)),
    truststoreVersion: active.versionId,
    revocation: await clientRevocation(ref, location),
  };
}

async function clientRevocation(
  ref: { domainName: string; region: string; clientPem: string },
  truststore: { bucket: string; key: string },
): Promise<ClientRevocation> {
  try {
    const client = clientRefOf(ref.clientPem);
    const lists = await readListsAt(
      ref.domainName,
      listsLocation(ref.domainName, truststore),
      ref.region,
    );
    const verdict = revocationVerdict(ref.clientPem, lists.doc, new Date());
    return {
      revoked: !verdict.allow,
      sentence: verdictSentence(verdict),
      listsVersion: lists.versionId,
      client,
    };
  } catch (error) {
    return {
      problem:
        error instanceof DomainError || error instanceof AwsFailure
          ? error.message
          : "The revocation lists could not be read.",
    };
  }
}
