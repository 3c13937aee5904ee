import "server-only";
/**
 * Would this client certificate be accepted by a domain's active
 * truststore, and if not, why (API Gateway's terms)?
 */
import { judgeClientCertificate, type ClientCheckResult } from "../../truststore";
import { getDomainName } from "../../aws/api-gateway";
import { parseS3Uri } from "../../aws/s3";
import { DomainError } from "../shared/errors";
import { checkVersion } from "./truststores";

export async function checkClientAgainstDomain(ref: {
  domainName: string;
  region: string;
  clientPem: string;
}): Promise<ClientCheckResult & { truststoreVersion: string }> {
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
  };
}
