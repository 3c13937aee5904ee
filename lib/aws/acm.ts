import "server-only";
/**
 * ACM: server and ownership verification certificates.
 */
import {
  DescribeCertificateCommand,
  paginateListCertificates,
  type KeyAlgorithm,
} from "@aws-sdk/client-acm";
import { ACM_KEY_TYPES } from "../model/acm-key-types";
import type { ServerCertificate } from "../model/domain";
import { getClients } from "./config";
import { awsCall, awsReadOrNull } from "./errors";

/** ListCertificates returns only RSA_1024/RSA_2048 unless asked: always ask for every key type. */
const ALL_KEY_TYPES: KeyAlgorithm[] = [...ACM_KEY_TYPES];

const iso = (d?: Date) => (d ? d.toISOString() : undefined);

/** The project's shape of a certificate, from either a summary or a description. */
function toServerCertificate(c: {
  arn: string;
  type?: string;
  status?: string;
  domainName?: string;
  names?: string[];
  inUseBy?: string[];
  keyAlgorithm?: string;
  issuer?: string;
  notBefore?: Date;
  notAfter?: Date;
}): ServerCertificate {
  const cert: ServerCertificate = {
    arn: c.arn,
    type: c.type ?? "UNKNOWN",
    status: c.status ?? "UNKNOWN",
    domainName: c.domainName ?? "",
    subjectAlternativeNames: c.names ?? [],
    inUseBy: c.inUseBy ?? [],
  };
  if (c.keyAlgorithm) cert.keyAlgorithm = c.keyAlgorithm;
  if (c.issuer) cert.issuer = c.issuer;
  const notBefore = iso(c.notBefore);
  const notAfter = iso(c.notAfter);
  if (notBefore) cert.notBefore = notBefore;
  if (notAfter) cert.notAfter = notAfter;
  return cert;
}

/** Every certificate of the region (summaries: names, type, status, dates), paged. */
export async function listCertificates(region: string): Promise<ServerCertificate[]> {
  const { acm } = await getClients(region);
  return awsCall("list the ACM certificates", async () => {
    const out: ServerCertificate[] = [];
    const input = { Includes: { keyTypes: ALL_KEY_TYPES } };
    for await (const page of paginateListCertificates({ client: acm, pageSize: 1000 }, input)) {
      for (const c of page.CertificateSummaryList ?? []) {
        out.push(
          toServerCertificate({
            arn: c.CertificateArn ?? "",
            type: c.Type,
            status: c.Status,
            domainName: c.DomainName,
            names: c.SubjectAlternativeNameSummaries,
            keyAlgorithm: c.KeyAlgorithm,
            notBefore: c.NotBefore,
            notAfter: c.NotAfter,
          }),
        );
      }
    }
    return out;
  });
}

export async function describeCertificate(
  arn: string,
  region: string,
): Promise<ServerCertificate | null> {
  const { acm } = await getClients(region);
  const described = await awsReadOrNull(
    "read the ACM certificate",
    "ResourceNotFoundException",
    () => acm.send(new DescribeCertificateCommand({ CertificateArn: arn })),
  );
  const c = described?.Certificate;
  if (!c) return null;
  return toServerCertificate({
    arn,
    type: c.Type,
    status: c.Status,
    domainName: c.DomainName,
    names: c.SubjectAlternativeNames,
    inUseBy: c.InUseBy,
    keyAlgorithm: c.KeyAlgorithm,
    issuer: c.Issuer,
    notBefore: c.NotBefore,
    notAfter: c.NotAfter,
  });
}
