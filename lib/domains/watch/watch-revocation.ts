import "server-only";
/**
 * What `watch` says of a domain's revocation: a CRL past its nextUpdate
 * (its CA's clients are refused), one due within two days, and methods or
 * routes that do not enforce the lists while something is revoked or the
 * authorizer runs elsewhere on the domain.
 */
import type { S3Location } from "../../aws/s3";
import { revocationCoverage } from "../revocation/coverage";
import { listsLocation, readListsAt } from "../revocation/revocation-lists";

/** A CRL due within this long is reported (CRLs are commonly reissued daily to weekly). */
export const CRL_WARNING_MS = 48 * 3_600_000;

export interface RevocationFinding {
  severity: "error" | "warning";
  message: string;
}

export async function revocationFindings(
  domainName: string,
  truststore: S3Location,
  region: string,
  now: Date,
): Promise<RevocationFinding[]> {
  const out: RevocationFinding[] = [];
  let inUse = false;
  try {
    const lists = await readListsAt(domainName, listsLocation(domainName, truststore), region);
    inUse = lists.doc.denied.length > 0 || lists.doc.crls.length > 0;
    for (const crl of lists.doc.crls) {
      if (!crl.nextUpdate) continue;
      const t = Date.parse(crl.nextUpdate);
      const when = crl.nextUpdate.slice(0, 16).replace("T", " ");
      if (t < now.getTime())
        out.push({
          severity: "error",
          message: `The CRL of ${crl.issuer} is past its nextUpdate (${when} UTC): the revocation authorizer refuses that CA's clients until a current CRL is added.`,
        });
      else if (t - now.getTime() < CRL_WARNING_MS)
        out.push({
          severity: "warning",
          message: `The CRL of ${crl.issuer} reaches its nextUpdate at ${when} UTC: add its next CRL before then, or that CA's clients are refused.`,
        });
    }
  } catch (error) {
    return [
      {
        severity: "error",
        message: `The revocation lists cannot be read: ${(error as Error).message}`,
      },
    ];
  }
  const coverage = await revocationCoverage(domainName, region).catch(() => null);
  if (!coverage) return out;
  const enforcedSomewhere = coverage.stages.some((s) => s.rows.some((r) => r.protected));
  if (inUse || enforcedSomewhere)
    for (const gap of coverage.gaps) out.push({ severity: "warning", message: gap });
  for (const shared of coverage.sharedCaches)
    out.push({
      severity: "warning",
      message: `The revocation authorizer ${shared} caches answers without the client certificate in its identity sources: one client's Allow can serve a revoked one.`,
    });
  return out;
}
