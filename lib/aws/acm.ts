import "server-only";
/**
 * ACM: server and ownership verification certificates.
 */
import { DescribeCertificateCommand, ListCertificatesCommand, type KeyAlgorithm } from "@aws-sdk/client-acm";
import type { ServerCertificate } from "../domains/types";
import { getClients } from "./config";
import { awsCall } from "./errors";

/** ListCertificates returns only RSA_1024/RSA_2048 unless asked: always ask for every key type. */
const ALL_KEY_TYPES: KeyAlgorithm[] = ["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"];

const iso = (d?: Date) => (d ? d.toISOString() : undefined);

/** Every certificate of the region (summaries: names, type, status, dates), paged. */
export async function listCertificates(region?: string): Promise<ServerCertificate[]> {
  const { acm } = await getClients(region);
  const out: ServerCertificate[] = [];
  let token: string | undefined;
  do {
    const page = await awsCall("list the ACM certificates", () =>
      acm.send(new ListCertificatesCommand({ Includes: { keyTypes: ALL_KEY_TYPES }, MaxItems: 1000, NextToken: token })),
    );
    for (const c of page.CertificateSummaryList ?? []) {
      const cert: ServerCertificate = {
        arn: c.CertificateArn ?? "",
        type: c.Type ?? "UNKNOWN",
        status: c.Status ?? "UNKNOWN",
        domainName: c.DomainName ?? "",
        subjectAlternativeNames: c.SubjectAlternativeNameSummaries ?? [],
        inUseBy: [],
      };
      if (c.KeyAlgorithm) cert.keyAlgorithm = c.KeyAlgorithm;
      const notBefore = iso(c.NotBefore);
      const notAfter = iso(c.NotAfter);
      if (notBefore) cert.notBefore = notBefore;
      if (notAfter) cert.notAfter = notAfter;
      out.push(cert);
    }
    token = page.NextToken;
  } while (token);
  return out;
}

export async function describeCertificate(arn: string, region?: string): Promise<ServerCertificate | null> {
  const { acm } = await getClients(region);
  try {
    const { Certificate: c } = await acm.send(new DescribeCertificateCommand({ CertificateArn: arn }));
    if (!c) return null;
    const cert: ServerCertificate = {
      arn,
      type: c.Type ?? "UNKNOWN",
      status: c.Status ?? "UNKNOWN",
      domainName: c.DomainName ?? "",
      subjectAlternativeNames: c.SubjectAlternativeNames ?? [],
      inUseBy: c.InUseBy ?? [],
    };
    if (c.KeyAlgorithm) cert.keyAlgorithm = c.KeyAlgorithm;
    if (c.Issuer) cert.issuer = c.Issuer;
    const notBefore = iso(c.NotBefore);
    const notAfter = iso(c.NotAfter);
    if (notBefore) cert.notBefore = notBefore;
    if (notAfter) cert.notAfter = notAfter;
    return cert;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return null;
    return awsCall("read the ACM certificate", () => Promise.reject(error));
  }
}
