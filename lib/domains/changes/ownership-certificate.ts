import "server-only";
/**
 * The ownership verification certificate of a domain: which one it needs
 * and why, the ACM certificates that would do, and replacing it (the fix
 * for PENDING_OWNERSHIP_VERIFICATION, the one update AWS then takes). A
 * replacement carries the certificate the user saw, holds the domain's
 * lock, writes its intent first, and is undone by setting the previous one.
 */
import { listCertificates } from "../../aws/acm";
import { listDomainNames, setOwnershipCertificate } from "../../aws/api-gateway";
import { getCapabilities } from "../../aws/capabilities";
import {
  certificateNames,
  namesCover,
  type MtlsDomain,
  type ServerCertificate,
} from "../../model/domain";
import { requireDomain } from "../shared/domain-lookup";
import { DomainError } from "../shared/errors";
import { changeBlocked } from "./change-blocked";
import { explainUpdateFailure, requireApplied } from "./change-guards";
import { NO_RECORD, type Actor, type DomainRef } from "./change-refs";
import { withDomainLock } from "./locks";
import {
  ownershipCertificateCheck,
  ownershipProblem,
  serverCertificateCheck,
} from "./mtls-prerequisites";

export interface OwnershipChoice {
  arn: string;
  domainName: string;
  notAfter?: string;
  /** null: it would do; else why not. */
  problem: string | null;
}

export interface OwnershipChoices {
  /** Why the domain needs one (its server certificate is not issued by ACM), or why not. */
  why: string;
  current: string | null;
  choices: OwnershipChoice[];
}

/** The ACM certificates that could prove ownership of the domain's name, each with why not where it would not. */
export async function ownershipChoices(
  ref: DomainRef,
  now = new Date(),
): Promise<OwnershipChoices> {
  const domain = await requireDomain(ref);
  const [certificates, domains] = await Promise.all([
    listCertificates(ref.region),
    listDomainNames(ref.region),
  ]);
  const server = certificates.find((c) => c.arn === domain.certificateArn);
  const serverOfMtls = new Map(
    domains.filter((d) => d.mtls && d.certificateArn).map((d) => [d.certificateArn!, d.domainName]),
  );
  // Only ACM-issued certificates for the name can prove it: the others are not listed.
  const choices = certificates
    .filter(
      (c) =>
        c.type === "AMAZON_ISSUED" &&
        c.arn !== domain.certificateArn &&
        namesCover(certificateNames(c), domain.domainName),
    )
    .map((c: ServerCertificate): OwnershipChoice => ({
      arn: c.arn,
      domainName: c.domainName,
      ...(c.notAfter ? { notAfter: c.notAfter } : {}),
      // Issued by ACM and covering the name (filtered above): the rest as the prerequisite says.
      problem: ownershipProblem(c, null, serverOfMtls.get(c.arn), now),
    }))
    .sort((a, b) => Number(!!a.problem) - Number(!!b.problem) || a.arn.localeCompare(b.arn));
  const why =
    server && server.type !== "AMAZON_ISSUED"
      ? `Its server certificate is ${server.type === "IMPORTED" ? "imported" : "from a private CA"}: for mutual TLS, API Gateway needs an ACM-issued certificate for ${domain.domainName} as proof that you own the name.`
      : "Its server certificate is issued by ACM: an ownership verification certificate is optional.";
  return { why, current: domain.ownershipVerificationCertificateArn ?? null, choices };
}

export interface OwnershipReplacement extends DomainRef, Actor {
  certificateArn: string;
  /** The ownership certificate the user saw ("" for none). */
  expectedCurrent: string;
}

/** Sets the domain's ownership verification certificate, as the user saw it, valid, under its lock. */
export async function replaceOwnershipCertificate(
  req: OwnershipReplacement,
): Promise<{ domain: MtlsDomain; previous: string | null; requestId?: string }> {
  return withDomainLock(
    req.domainName,
    req.region,
    req.actor,
    async (lease) => {
      const domain = await requireDomain(req);
      const current = domain.ownershipVerificationCertificateArn ?? "";
      if (current !== req.expectedCurrent)
        throw new DomainError(
          "conflict",
          `${domain.domainName}'s ownership verification certificate changed since this page was loaded (now ${current || "none"}). Nothing was changed: reload and check again.`,
        );
      if (domain.endpointType !== "REGIONAL")
        throw new DomainError(
          "unsupported",
          `${domain.domainName} is ${domain.endpointType}: ownership verification certificates are for REGIONAL mutual TLS domains. Nothing was changed.`,
        );
      if (req.certificateArn === domain.certificateArn)
        throw new DomainError(
          "prerequisite-unmet",
          `${req.certificateArn} is the domain's own server certificate: pick an ACM-issued certificate that proves the name. Nothing was changed.`,
        );
      if (req.certificateArn.split(":")[3] !== req.region)
        throw new DomainError(
          "prerequisite-unmet",
          `${req.certificateArn} is not in ${req.region}: the ownership verification certificate must be in the domain's region. Nothing was changed.`,
        );
      // The one update AWS takes while PENDING_OWNERSHIP_VERIFICATION: only the other blocks apply.
      const blocked = changeBlocked(domain, await getCapabilities());
      if (blocked && blocked.code !== "status-locked")
        throw new DomainError(blocked.code, blocked.message);
      const name = { domainName: domain.domainName, valid: true };
      const { server } = await serverCertificateCheck(
        name,
        domain.certificateArn,
        req.region,
        "",
        new Date(),
      );
      const check = await ownershipCertificateCheck(
        name,
        server,
        req.certificateArn,
        req.region,
        "",
        new Date(),
      );
      if (!check.ok)
        throw new DomainError(
          "prerequisite-unmet",
          `${req.certificateArn} cannot prove ownership of ${domain.domainName}: ${check.message} Nothing was changed.`,
        );
      await (req.change ?? NO_RECORD).begin({
        domainName: domain.domainName,
        region: req.region,
        message: `ownership verification certificate ${current || "(none)"} → ${req.certificateArn}`,
      });
      try {
        const { domain: updated, requestId } = await lease.write(
          `Setting the ownership verification certificate of ${domain.domainName}`,
          () => setOwnershipCertificate(domain.domainName, req.region, req.certificateArn),
        );
        requireApplied(
          domain.domainName,
          `the ownership verification certificate ${req.certificateArn}`,
          updated.mtlsState === "unknown"
            ? undefined
            : updated.ownershipVerificationCertificateArn === req.certificateArn,
        );
        return { domain: updated, previous: current || null, ...(requestId ? { requestId } : {}) };
      } catch (error) {
        return await explainUpdateFailure(error);
      }
    },
    { action: "replace-ownership-certificate" },
  );
}
