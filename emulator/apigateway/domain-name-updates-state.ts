/**
 * A domain name's update in the emulator's state: AWS's status locks, the
 * `replace` operations applied to a copy and validated before anything
 * changes, then UPDATING for the configured time (the data plane keeps
 * enforcing the old mutual TLS until then). The wire side is
 * ./domain-name-updates-wire.ts.
 */
import { epochSeconds, type Context } from "../http";
import { domainKey, ROUTING_MODES, type DomainName } from "../state";
import { badRequest, conflict } from "./common";
import {
  certificateFor,
  checkMtlsRequirements,
  requireValidOwnershipCertificate,
} from "./domain-names-state";
import { applyTruststoreWarnings } from "./truststore-warnings";

/** One `replace` of a path UpdateDomainName allows. */
export interface DomainChange {
  path: string;
  value: string;
}

/** Applies the changes to a copy of the domain, validated, and stores it. */
export async function updateDomain(
  ctx: Context,
  domain: DomainName,
  changes: DomainChange[],
): Promise<DomainName> {
  if (domain.status === "UPDATING") {
    throw conflict(
      `The domain name ${domain.domainName} is being updated (status UPDATING). Try again when it is AVAILABLE.`,
    );
  }
  const onlyOwnership = changes.every((c) => c.path === "/ownershipVerificationCertificateArn");
  if (domain.status === "PENDING_OWNERSHIP_VERIFICATION" && !onlyOwnership) {
    throw badRequest(
      "Updates to this domain name are locked until a valid ownership verification certificate is set (ownershipVerificationCertificateArn).",
    );
  }

  // Apply to a copy: a failed update changes nothing.
  const next: DomainName = structuredClone(domain);
  let touchesTruststore = false;
  // A new truststore URI resets the version: apply it before a version set in the same call.
  const ordered = [...changes].sort(
    (a, b) =>
      Number(b.path === "/mutualTlsAuthentication/truststoreUri") -
      Number(a.path === "/mutualTlsAuthentication/truststoreUri"),
  );
  for (const { path, value } of ordered) {
    switch (path) {
      case "/mutualTlsAuthentication/truststoreUri":
        touchesTruststore = true;
        if (value === "") delete next.mutualTls;
        else next.mutualTls = { truststoreUri: value, truststoreWarnings: [] };
        break;
      case "/mutualTlsAuthentication/truststoreVersion":
        if (!next.mutualTls)
          throw badRequest(
            "Mutual TLS is not enabled on this domain name: set truststoreUri first.",
          );
        touchesTruststore = true;
        next.mutualTls = { ...next.mutualTls, truststoreVersion: value };
        if (value === "") delete next.mutualTls.truststoreVersion;
        break;
      case "/routingMode":
        if (!ROUTING_MODES.includes(value as (typeof ROUTING_MODES)[number]))
          throw badRequest(`Invalid routingMode ${value}.`);
        next.routingMode = value as (typeof ROUTING_MODES)[number];
        break;
      case "/endpointConfiguration/ipAddressType":
        if (value !== "ipv4" && value !== "dualstack")
          throw badRequest(`Invalid ipAddressType ${value}: ipv4 or dualstack.`);
        next.ipAddressType = value;
        break;
      case "/securityPolicy":
        if (!["TLS_1_0", "TLS_1_2"].includes(value) && !value.startsWith("SecurityPolicy_"))
          throw badRequest(`Invalid security policy ${value}.`);
        next.securityPolicy = value;
        break;
      case "/regionalCertificateArn": {
        const cert = certificateFor(ctx, domain.region, value, "regionalCertificateArn");
        if (cert.status !== "ISSUED") throw badRequest(`Certificate ${value} is not ISSUED.`);
        next.regionalCertificateArn = value;
        next.certificateUploadDate = epochSeconds(ctx.now());
        break;
      }
      case "/regionalCertificateName":
        next.regionalCertificateName = value;
        break;
      case "/ownershipVerificationCertificateArn": {
        requireValidOwnershipCertificate(ctx, domain.region, value);
        next.ownershipVerificationCertificateArn = value;
        break;
      }
      case "/endpointConfiguration/types/0":
        if (!["REGIONAL", "EDGE"].includes(value))
          throw badRequest(`Invalid endpoint type ${value}.`);
        next.endpointType = value as DomainName["endpointType"];
        break;
    }
  }
  checkMtlsRequirements(ctx, next);
  if (touchesTruststore && next.mutualTls) await applyTruststoreWarnings(ctx, next.mutualTls);
  if (ctx.config.updatingMs > 0) {
    next.status = "UPDATING";
    next.updatingUntil = ctx.now() + ctx.config.updatingMs;
    // The data plane keeps enforcing what was in force until the update has propagated.
    if (touchesTruststore)
      next.servingMutualTls = domain.mutualTls
        ? {
            truststoreUri: domain.mutualTls.truststoreUri,
            ...(domain.mutualTls.truststoreVersion
              ? { truststoreVersion: domain.mutualTls.truststoreVersion }
              : {}),
          }
        : null;
  } else {
    next.status = "AVAILABLE";
    delete next.updatingUntil;
  }
  delete next.statusMessage;
  ctx.state.domains[domainKey(domain.region, domain.domainName)] = next;
  return next;
}
