import "server-only";
/**
 * One certificate of a version of a domain's truststore, decoded: what a
 * list row shows when it is opened (the list itself carries only rows).
 */
import type { CertificateReport } from "../../truststore";
import { readableTruststore } from "./readable-truststore";
import { DomainError } from "../shared/errors";
import { checkVersion } from "./truststores";

export async function truststoreCertificate(ref: {
  domainName: string;
  region: string;
  versionId: string;
  index: number;
  truststoreUri?: string;
}): Promise<CertificateReport> {
  const { location } = await readableTruststore(ref);
  const { report } = await checkVersion(location, ref.versionId, ref.region);
  const cert = report.certificates[ref.index];
  if (!cert)
    throw new DomainError(
      "not-found",
      `Version ${ref.versionId} has no certificate #${ref.index + 1}.`,
    );
  return cert;
}
