"use server";
import { checkClientCertificate as check, type ClientCheckResult } from "../truststore";
import { getDomainName } from "../aws/api-gateway";
import { parseS3Uri } from "../aws/s3";
import { DomainError } from "../domains/errors";
import { clientCheckSchema } from "../domains/schemas";
import { checkVersion } from "../domains/truststores";
import { defineAction } from "./safe-action";

const action = defineAction({
  name: "check-client-certificate",
  permission: "read",
  schema: clientCheckSchema,
  handler: async (input): Promise<ClientCheckResult & { truststoreVersion: string }> => {
    const domain = await getDomainName(input.domainName, input.region);
    if (!domain)
      throw new DomainError(
        "not-found",
        `The custom domain name ${input.domainName} does not exist.`,
      );
    const location = domain.mtls ? parseS3Uri(domain.mtls.truststoreUri) : null;
    if (!domain.mtls || !location)
      throw new DomainError(
        "mtls-off",
        `Mutual TLS is not enabled on ${input.domainName}: API Gateway accepts any client there.`,
      );
    const active = await checkVersion(location, domain.mtls.truststoreVersion, input.region);
    const pems = active.report.certificates.map((c) => c.pem).join("\n");
    return { ...(await check(pems, input.clientPem)), truststoreVersion: active.versionId };
  },
});

/** Would this client certificate be accepted by the domain's active truststore, and if not, why? */
export async function checkClientCertificate(input: unknown) {
  return action(input);
}
